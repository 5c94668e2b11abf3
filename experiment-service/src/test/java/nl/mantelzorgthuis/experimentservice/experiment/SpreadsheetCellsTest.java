package nl.mantelzorgthuis.experimentservice.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"})
    void quotes_cells_a_spreadsheet_would_run_as_formula(String cell) {
        assertThat(SpreadsheetCells.safe(cell)).isEqualTo("'" + cell);
    }

    @Test
    void leaves_ordinary_text_and_other_values_alone() {
        assertThat(SpreadsheetCells.safe("Respijtzorg = rust")).isEqualTo("Respijtzorg = rust");
        assertThat(SpreadsheetCells.safe("")).isEmpty();
        assertThat(SpreadsheetCells.safe("a", 3, null)).containsExactly("a", 3, null);
    }
}
