package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code etc/users.properties} of the distribution: as shipped it has no login; with
 * its example lines uncommented, exactly as the comment tells an operator, it has one login
 * ({@code betrieb}) with the console roles and no other (in particular no login {@code _g_}).
 */
class ShippedUsersPropertiesTest {

  private static final Path SHIPPED = Path.of("../../distribution/src/main/resources/assembly/etc/users.properties");

  /**
   * The logins and their roles as Karaf's properties login module derives them: a key starting
   * with {@code _g_:} is a group (its value: "group" and the roles), any other key is a login
   * whose value is its password, then roles or {@code _g_:} groups.
   */
  static Map<String, Set<String>> logins(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    Map<String, Set<String>> logins = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("_g_:")) {
        continue;
      }
      List<String> values = List.of(p.getProperty(key).split(","));
      Set<String> roles = new LinkedHashSet<>();
      for (String value : values.subList(1, values.size())) {
        String v = value.strip();
        if (v.startsWith("_g_:")) {
          String group = p.getProperty(v);
          if (group != null) {
            List<String> members = List.of(group.split(","));
            members.subList(1, members.size()).forEach(r -> roles.add(r.strip()));
          }
        } else {
          roles.add(v);
        }
      }
      logins.put(key, roles);
    }
    return logins;
  }

  @Test
  void asShippedThereIsNoLogin() throws Exception {
    assertEquals(Map.of(), logins(Files.readString(SHIPPED, StandardCharsets.ISO_8859_1)));
  }

  @Test
  void theExampleLinesUncommentedGiveOneOperatorLoginAndNoOther() throws Exception {
    StringBuilder uncommented = new StringBuilder();
    int examples = 0;
    for (String line : Files.readAllLines(SHIPPED, StandardCharsets.ISO_8859_1)) {
      if (line.startsWith("#   ")) {
        uncommented.append(line.substring(4).replace("<a long password>", "ein-langes-Passwort-1")).append('\n');
        examples++;
      } else {
        uncommented.append(line).append('\n');
      }
    }
    assertEquals(2, examples, "the file shows a user line and a group line");
    Map<String, Set<String>> logins = logins(uncommented.toString());
    assertEquals(Set.of("betrieb"), logins.keySet(), "no login _g_ or any other: " + logins);
    assertEquals(Set.of("admin", "manager", "viewer", "systembus", "ssh"), logins.get("betrieb"));
  }

  @Test
  void theOldCommentWouldHaveCreatedALoginWithAdminRights() throws Exception {
    // the line the file told operators to add before: the check above can fail
    Map<String, Set<String>> logins = logins("betrieb = pw,_g_:admingroup\n_g_:admingroup = group,admin,ssh\n");
    assertTrue(logins.containsKey("_g_"), logins.toString());
    assertTrue(logins.get("_g_").contains("admin"));
  }
}
