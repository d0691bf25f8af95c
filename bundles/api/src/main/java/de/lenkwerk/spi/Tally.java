package de.lenkwerk.spi;

/** The votes cast: yes, no and abstentions (Enthaltungen). */
public record Tally(int yes, int no, int abstain) {

  public int cast() {
    return yes + no + abstain;
  }
}
