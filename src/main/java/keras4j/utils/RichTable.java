package keras4j.utils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text rendering of a {@code rich.table.Table} as Keras 3's {@code summary()} builds it:
 * fixed-width columns, box {@code HEAVY_HEAD}, padding {@code (0, 1)}, {@code show_lines=True},
 * cells word-wrapped with overflow {@code "ellipsis"}.
 *
 * <p>Sizing follows rich's {@code Table._calculate_column_widths}: each column asks for its width
 * plus two cells of padding; when that exceeds the table width less its borders, the excess is
 * taken from the columns left to right with {@code _ratio.ratio_reduce} (a share of the remaining
 * excess per remaining column, rounded half to even). Wrapping follows rich's
 * {@code Text.wrap}/{@code _wrap.divide_line}: break at whitespace, keep a word's trailing spaces
 * unless they overflow, cut a word wider than the cell to {@code width - 1} cells plus {@code …}.
 */
final class RichTable {
    enum Justify { LEFT, CENTER, RIGHT }

    /** A column: header text, justification, and the width Keras asks for (without padding). */
    record Column(String header, Justify justify, int width) {}

    private static final Pattern WORD = Pattern.compile("\\s*\\S+\\s*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TRAILING_SPACE = Pattern.compile("\\s+$", Pattern.UNICODE_CHARACTER_CLASS);

    private RichTable() {}

    /** The table's lines (without line ends) for rows of cell texts, at {@code tableWidth} cells. */
    static List<String> render(List<Column> columns, List<List<String>> rows, int tableWidth) {
        int[] widths = columnWidths(columns, tableWidth);
        List<String> out = new ArrayList<>();
        out.add(rule(widths, '┏', '━', '┳', '┓'));
        List<String> headers = new ArrayList<>();
        for (Column c : columns) headers.add(c.header());
        renderRow(out, columns, widths, headers, true, '┃');
        out.add(rule(widths, '┡', '━', '╇', '┩'));
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) out.add(rule(widths, '├', '─', '┼', '┤'));
            renderRow(out, columns, widths, rows.get(r), false, '│');
        }
        out.add(rule(widths, '└', '─', '┴', '┘'));
        return out;
    }

    /** Cell widths including padding, as rich computes them for fixed-width columns. */
    static int[] columnWidths(List<Column> columns, int tableWidth) {
        int n = columns.size();
        int maxWidth = tableWidth - (n + 1);
        int[] widths = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            int w = maxWidth < 1 ? 0 : Math.min(columns.get(i).width() + 2, maxWidth);
            widths[i] = w == 0 ? 1 : w;
            total += widths[i];
        }
        if (total > maxWidth) {
            int[] ones = new int[n];
            java.util.Arrays.fill(ones, 1);
            widths = ratioReduce(total - maxWidth, ones, widths, widths);
            for (int i = 0; i < n; i++) widths[i] = Math.max(0, widths[i]);
        }
        return widths;
    }

    /** rich's {@code _ratio.ratio_reduce}: removes {@code total} from {@code values} in proportion to {@code ratios}. */
    static int[] ratioReduce(int total, int[] ratios, int[] maximums, int[] values) {
        int n = values.length;
        int[] r = new int[n];
        int totalRatio = 0;
        for (int i = 0; i < n; i++) {
            r[i] = maximums[i] != 0 ? ratios[i] : 0;
            totalRatio += r[i];
        }
        if (totalRatio == 0) return values.clone();
        int remaining = total;
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            if (r[i] != 0 && totalRatio > 0) {
                int distributed = (int) Math.min(maximums[i], Math.rint((double) r[i] * remaining / totalRatio));
                result[i] = values[i] - distributed;
                remaining -= distributed;
                totalRatio -= r[i];
            } else {
                result[i] = values[i];
            }
        }
        return result;
    }

    private static void renderRow(List<String> out, List<Column> columns, int[] widths, List<String> cells,
                                  boolean header, char edge) {
        int n = columns.size();
        List<List<String>> rendered = new ArrayList<>(n);
        int height = 1;
        for (int i = 0; i < n; i++) {
            List<String> lines = renderCell(cells.get(i), widths[i], columns.get(i).justify());
            rendered.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int i = 0; i < n; i++) {
            List<String> lines = new ArrayList<>(rendered.get(i));
            List<String> blank = Collections.nCopies(height - lines.size(), " ".repeat(widths[i]));
            if (header) lines.addAll(0, blank); else lines.addAll(blank);
            rendered.set(i, lines);
        }
        for (int line = 0; line < height; line++) {
            StringBuilder sb = new StringBuilder().append(edge);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(edge);
                sb.append(rendered.get(i).get(line));
            }
            out.add(sb.append(edge).toString());
        }
    }

    /** One cell: the text wrapped inside one space of padding each side, each line exactly {@code width} cells. */
    private static List<String> renderCell(String text, int width, Justify justify) {
        List<String> lines = new ArrayList<>();
        int inner = width - 2;
        if (inner < 1) return lines;
        for (String line : wrap(text, inner, justify)) lines.add(setCellSize(" " + line + " ", width));
        return lines;
    }

    /** rich's {@code Text.wrap} with overflow {@code "ellipsis"}; every line padded to {@code width}. */
    static List<String> wrap(String text, int width, Justify justify) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            for (String part : divide(line, divideLine(line, width, false))) {
                part = rstripEnd(part, width);
                switch (justify) {
                    case LEFT -> part = truncate(part, width, true);
                    case RIGHT -> {
                        part = truncate(rstrip(part), width, false);
                        part = " ".repeat(width - cellLen(part)) + part;
                    }
                    case CENTER -> {
                        part = truncate(rstrip(part), width, false);
                        part = " ".repeat((width - cellLen(part)) / 2) + part;
                        part = part + " ".repeat(width - cellLen(part));
                    }
                }
                out.add(truncate(part, width, false));
            }
        }
        return out;
    }

    /**
     * Text printed by a rich console of {@code width} columns (justify {@code "default"}, overflow
     * {@code "fold"}): lines broken at whitespace, over-long words folded, nothing padded.
     */
    static List<String> consoleLines(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            for (String part : divide(line, divideLine(line, width, true))) {
                part = rstripEnd(part, width);
                out.add(cellLen(part) > width ? setCellSize(part, width) : part);
            }
        }
        return out;
    }

    /** rich's {@code divide_line}: the offsets at which to break {@code text} to fit {@code width} cells. */
    static List<Integer> divideLine(String text, int width, boolean fold) {
        List<Integer> breaks = new ArrayList<>();
        int offset = 0;
        Matcher m = WORD.matcher(text);
        int pos = 0;
        while (pos < text.length() && m.find(pos) && m.start() == pos) {
            int start = m.start();
            String word = m.group();
            pos = m.end();
            int wordLength = cellLen(rstrip(word));
            if (width - offset >= wordLength) {
                offset += cellLen(word);
            } else if (wordLength > width) {
                if (fold) {
                    List<String> chunks = chop(word, width);
                    for (int i = 0; i < chunks.size(); i++) {
                        if (start != 0) breaks.add(start);
                        if (i == chunks.size() - 1) offset = cellLen(chunks.get(i));
                        else start += chunks.get(i).length();
                    }
                } else {
                    if (start != 0) breaks.add(start);
                    offset = cellLen(word);
                }
            } else if (offset != 0 && start != 0) {
                breaks.add(start);
                offset = cellLen(word);
            }
        }
        return breaks;
    }

    private static List<String> divide(String line, List<Integer> offsets) {
        List<String> parts = new ArrayList<>();
        int prev = 0;
        for (int o : offsets) {
            parts.add(line.substring(prev, o));
            prev = o;
        }
        parts.add(line.substring(prev));
        return parts;
    }

    /** Splits a word into pieces of at most {@code width} cells (rich's {@code chop_cells}). */
    private static List<String> chop(String word, int width) {
        List<String> lines = new ArrayList<>();
        int lineStart = 0;
        int size = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            int w = cellWidth(cp);
            if (size + w > width) {
                lines.add(word.substring(lineStart, i));
                lineStart = i;
                size = 0;
            }
            size += w;
            i += Character.charCount(cp);
        }
        if (size > 0) lines.add(word.substring(lineStart));
        return lines;
    }

    private static String rstripEnd(String s, int size) {
        int length = s.codePointCount(0, s.length());
        if (length <= size) return s;
        Matcher m = TRAILING_SPACE.matcher(s);
        if (!m.find()) return s;
        int crop = Math.min(m.end() - m.start(), length - size);
        return s.substring(0, s.length() - crop);
    }

    private static String rstrip(String s) {
        Matcher m = TRAILING_SPACE.matcher(s);
        return m.find() ? s.substring(0, m.start()) : s;
    }

    /** rich's {@code Text.truncate}: cut to {@code width - 1} cells plus {@code …}; optionally pad. */
    private static String truncate(String s, int width, boolean pad) {
        int length = cellLen(s);
        if (length > width) return setCellSize(s, width - 1) + "…";
        return pad && length < width ? s + " ".repeat(width - length) : s;
    }

    /** Crops or pads {@code s} to exactly {@code total} cells; a wide character cut in half becomes a space. */
    static String setCellSize(String s, int total) {
        StringBuilder sb = new StringBuilder();
        int size = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = cellWidth(cp);
            if (size + w > total) break;
            sb.appendCodePoint(cp);
            size += w;
            i += Character.charCount(cp);
        }
        return sb.append(" ".repeat(Math.max(0, total - size))).toString();
    }

    /** The number of terminal cells {@code s} occupies. */
    static int cellLen(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += cellWidth(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    /** Terminal cells of one code point: 0 for combining and control characters, 2 for East Asian wide ones. */
    static int cellWidth(int cp) {
        if (cp < 0x300) return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? 0 : 1;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    private static String rule(int[] widths, char left, char fill, char cross, char right) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) sb.append(cross);
            sb.append(String.valueOf(fill).repeat(widths[i]));
        }
        return sb.append(right).toString();
    }
}
