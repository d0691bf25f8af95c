package de.lenkwerk.committee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.NewPerson;
import org.junit.jupiter.api.Test;

class PersonValidationTest {

  @Test
  void trimsAndKeepsWhatIsGiven() {
    NewPerson p = PersonValidation.validate(new NewPerson("  Erika Muster ", "Amtsleitung", "Amt 33", null));
    assertEquals("Erika Muster", p.name());
    assertEquals("Amt 33", p.institution());
    assertNull(p.email());
  }

  @Test
  void refusesMissingNameInGerman() {
    DomainException e = assertThrows(DomainException.class,
        () -> PersonValidation.validate(new NewPerson(" ", null, null, null)));
    assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
    assertTrue(e.detail().contains("\"name\""), e.detail());
  }

  @Test
  void refusesBadEmailAndControlCharacters() {
    assertThrows(DomainException.class,
        () -> PersonValidation.validate(new NewPerson("A", null, null, "kein-at-zeichen")));
    assertThrows(DomainException.class,
        () -> PersonValidation.validate(new NewPerson("A\u0000B", null, null, null)));
    assertThrows(DomainException.class,
        () -> PersonValidation.validate(new NewPerson("x".repeat(201), null, null, null)));
  }
}
