package nl.mantelzorgthuis.experimentservice.experiment;

/**
 * CSV cells that a spreadsheet cannot run as a formula (OWASP "CSV injection"): text that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading quote,
 * which spreadsheets show as text and do not evaluate.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    static Object[] safe(Object... cells) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i] instanceof CharSequence text ? safe(text.toString()) : cells[i];
        }
        return out;
    }

    static String safe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }
}
