package de.lenkwerk.api.documents;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a Kommune publishes about its Lenkungsgruppe, for anyone without login: the upcoming
 * public meetings and the released result minutes its rules make public. Nothing confidential:
 * no confidential meeting is listed, no minutes in draft, no names of persons.
 *
 * @param tenant the tenant id
 * @param name the Kommune's name
 * @param committee the Lenkungsgruppe's title
 * @param upcoming public meetings from today on, by date
 * @param minutes released public result minutes, newest meeting first
 */
public record Publication(String tenant, String name, String committee,
    List<UpcomingMeeting> upcoming, List<PublishedMinutes> minutes) {

  /** A public meeting to come, with the address of its calendar entry. */
  public record UpcomingMeeting(long meeting, LocalDate date, LocalTime start, LocalTime end,
      String kind, String calendar) {}

  /**
   * Released result minutes, with the address of their PDF.
   *
   * @param meeting the meeting's id
   * @param date the meeting's day
   * @param release the release (Fassung) of the minutes
   * @param status RELEASED, OBJECTED or APPROVED
   * @param sentOn the day the release was sent
   * @param pdf the address of the result minutes as PDF/A (GET with Accept: application/pdf)
   */
  public record PublishedMinutes(long meeting, LocalDate date, int release, String status,
      LocalDate sentOn, String pdf) {}
}
