package de.lenkwerk.web.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads members and appointments from a CSV file as a spreadsheet exports it: semicolon or
 * comma, UTF-8 (with or without BOM) or Windows-1252, a header row naming the columns. Each row
 * becomes an {@link ImportRow}, with the German reason where it cannot be read.
 */
final class CsvImport {

  static final List<String> COLUMNS = List.of("Name", "Funktion", "Institution", "E-Mail", "Sitz", "Rolle",
      "Rang", "Von", "Bestellt durch", "Beschluss");
  static final int MAX_ROWS = 500;

  private CsvImport() {}

  /** The text of the file: UTF-8 where it decodes as such, else Windows-1252. */
  static String decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
    }
  }

  /** The rows of the file; throws IllegalArgumentException with a German reason if it has no usable header. */
  static List<ImportRow> parse(String text) {
    String firstLine = text.lines().findFirst().orElse("");
    char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
        .setTrim(true).build();
    List<ImportRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> index = null;
      for (CSVRecord record : parser) {
        if (index == null) {
          index = header(record);
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          throw new IllegalArgumentException("Die Datei hat mehr als " + MAX_ROWS + " Zeilen. Bitte teilen Sie sie auf.");
        }
        rows.add(row(record, index));
      }
      if (index == null) {
        throw new IllegalArgumentException("Die Datei ist leer. Erwartet wird eine Kopfzeile mit den Spalten "
            + String.join(";", COLUMNS) + ".");
      }
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException("Die Datei ist keine lesbare CSV-Datei: " + e.getMessage());
    }
    return rows;
  }

  private static Map<String, Integer> header(CSVRecord record) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < record.size(); i++) {
      index.put(record.get(i).toLowerCase(Locale.GERMANY), i);
    }
    for (String required : List.of("Name", "Sitz", "Rolle", "Von")) {
      if (!index.containsKey(required.toLowerCase(Locale.GERMANY))) {
        throw new IllegalArgumentException("In der Kopfzeile fehlt die Spalte \"" + required + "\". Erwartet: "
            + String.join(";", COLUMNS) + ".");
      }
    }
    return index;
  }

  private static ImportRow row(CSVRecord record, Map<String, Integer> index) {
    long line = record.getRecordNumber();
    String name = cell(record, index, "Name");
    String role = cell(record, index, "Rolle");
    String rank = cell(record, index, "Rang");
    String from = cell(record, index, "Von");
    String problem = null;
    boolean deputy = false;
    Integer rankValue = null;
    LocalDate fromValue = null;
    if (name == null) {
      problem = "Der Name fehlt.";
    } else if (cell(record, index, "Sitz") == null) {
      problem = "Der Sitz fehlt (die Kennung aus der Geschäftsordnung, z. B. amt-33).";
    } else if (role == null || !List.of("mitglied", "stellvertretung", "member", "deputy")
        .contains(role.toLowerCase(Locale.GERMANY))) {
      problem = "Die Rolle muss \"Mitglied\" oder \"Stellvertretung\" sein, nicht \"" + (role == null ? "" : role) + "\".";
    } else {
      deputy = role.toLowerCase(Locale.GERMANY).startsWith("st") || role.equalsIgnoreCase("deputy");
      try {
        rankValue = rank == null ? (deputy ? 1 : null) : Integer.valueOf(rank);
      } catch (NumberFormatException e) {
        problem = "Der Rang \"" + rank + "\" ist keine Zahl.";
      }
      if (problem == null) {
        fromValue = date(from);
        if (fromValue == null) {
          problem = "Das Datum \"" + (from == null ? "" : from) + "\" in \"Von\" ist ungültig. Bitte als TT.MM.JJJJ angeben.";
        }
      }
    }
    return new ImportRow(line, name, cell(record, index, "Funktion"), cell(record, index, "Institution"),
        cell(record, index, "E-Mail"), cell(record, index, "Sitz"), deputy, deputy ? rankValue : null, fromValue,
        cell(record, index, "Bestellt durch"), cell(record, index, "Beschluss"), problem);
  }

  private static String cell(CSVRecord record, Map<String, Integer> index, String column) {
    Integer i = index.get(column.toLowerCase(Locale.GERMANY));
    if (i == null || i >= record.size()) {
      return null;
    }
    String v = record.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  static LocalDate date(String v) {
    if (v == null) {
      return null;
    }
    try {
      if (v.matches("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}")) {
        String[] p = v.split("\\.");
        return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
      }
      return LocalDate.parse(v);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
