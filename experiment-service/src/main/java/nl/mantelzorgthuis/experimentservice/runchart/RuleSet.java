package nl.mantelzorgthuis.experimentservice.runchart;

/** The published rule sets the service applies to every part of a run chart. */
public enum RuleSet {
    IHI("Perla RJ, Provost LP, Murray SK. The run chart: a simple analytical tool for learning from variation in "
            + "healthcare processes. BMJ Qual Saf 2011;20:46-51. Runs limits: Swed & Eisenhart (1943), 5% two-sided."),
    ANHOEJ("Anhøj J, Olesen AV. Run charts revisited: a simulation study of run chart rules for detection of "
            + "non-random variation in health care processes. PLoS ONE 2014;9(11):e113825.");

    private final String reference;

    RuleSet(String reference) {
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
