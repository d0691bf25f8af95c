package de.lenkwerk.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;

/**
 * A file sent with a dispatch (the PDF, the calendar entry), kept as sent so that every retry
 * of the mail carries the same bytes.
 */
@Entity
@Table(name = "LW_DISPATCH_FILE")
public class DispatchFileEntity extends TenantScoped {

  @Column(name = "DISPATCH_ID", nullable = false)
  private long dispatchId;

  @Column(name = "FILE_NAME", nullable = false, length = 200)
  private String fileName;

  @Column(name = "CONTENT_TYPE", nullable = false, length = 200)
  private String contentType;

  @Column(name = "CONTENT", nullable = false)
  private byte[] content;

  public long getDispatchId() {
    return dispatchId;
  }

  public void setDispatchId(long dispatchId) {
    this.dispatchId = dispatchId;
  }

  public String getFileName() {
    return fileName;
  }

  public void setFileName(String fileName) {
    this.fileName = fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public void setContentType(String contentType) {
    this.contentType = contentType;
  }

  public byte[] getContent() {
    return content;
  }

  public void setContent(byte[] content) {
    this.content = content;
  }
}
