package de.lenkwerk.api.procedure;

/**
 * CONSENSUS (konsensuale Verständigung ohne formelle Abstimmung), VOTE (Abstimmung) or NOTED
 * (an information item "zur Kenntnis genommen").
 */
public enum DecisionMode { CONSENSUS, VOTE, NOTED }
