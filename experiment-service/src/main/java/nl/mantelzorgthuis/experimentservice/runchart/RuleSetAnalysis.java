package nl.mantelzorgthuis.experimentservice.runchart;

import java.util.List;

public record RuleSetAnalysis(RuleSet ruleSet, String reference, boolean nonRandomVariation, List<PartAnalysis> parts) {
}
