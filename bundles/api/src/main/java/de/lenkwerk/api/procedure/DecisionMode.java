package de.lenkwerk.api.procedure;

/** CONSENSUS (konsensuale Verständigung ohne formelle Abstimmung) or VOTE (Abstimmung). */
public enum DecisionMode { CONSENSUS, VOTE }
