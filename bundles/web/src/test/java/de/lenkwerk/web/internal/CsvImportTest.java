package de.lenkwerk.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvImportTest {

  @Test
  void semicolonUtf8WithBom() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    String text = "Name;Funktion;Institution;E-Mail;Sitz;Rolle;Rang;Von;Bestellt durch;Beschluss\n"
        + "Jürgen Müller;Leitung;Amt 33;jm@kreis.de;amt-33;Mitglied;;01.07.2021;Kreistag;Vorlage 525/21\n"
        + "Ayşe Yılmaz;;;;amt-33;Stellvertretung;1;2021-07-01;;\n";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + utf8.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(utf8, 0, bytes, 3, utf8.length);
    List<ImportRow> rows = CsvImport.parse(CsvImport.decode(bytes));
    assertEquals(2, rows.size());
    assertEquals("Jürgen Müller", rows.get(0).name());
    assertEquals(LocalDate.of(2021, 7, 1), rows.get(0).from());
    assertEquals("Vorlage 525/21", rows.get(0).decisionReference());
    assertNull(rows.get(0).problem());
    assertTrue(rows.get(1).deputy());
    assertEquals(1, rows.get(1).rank());
    assertEquals("Ayşe Yılmaz", rows.get(1).name());
    assertEquals(3, rows.get(1).line());
  }

  @Test
  void commaWindows1252AndRefusedRows() {
    String text = "Name,Sitz,Rolle,Von\n\"Günther, Uwe\",amt-40,Mitglied,01.01.2024\n"
        + ",amt-40,Mitglied,01.01.2024\nX,amt-40,Vorsitz,01.01.2024\nY,amt-40,Mitglied,31.02.2024\n";
    List<ImportRow> rows = CsvImport.parse(CsvImport.decode(text.getBytes(Charset.forName("windows-1252"))));
    assertEquals("Günther, Uwe", rows.get(0).name());
    assertNull(rows.get(0).problem());
    assertEquals("Der Name fehlt.", rows.get(1).problem());
    assertTrue(rows.get(2).problem().contains("\"Mitglied\" oder \"Stellvertretung\""));
    assertTrue(rows.get(3).problem().contains("31.02.2024"));
  }

  @Test
  void aFileWithoutTheRequiredColumnsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvImport.parse("Vorname;Nachname\nA;B\n"));
    assertTrue(e.getMessage().contains("Spalte \"Name\""), e.getMessage());
  }
}
