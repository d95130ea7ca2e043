package org.dragonflyclient.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the ratios as a horizontal bar chart, one group per workload: ours ÷ Jedis and ours ÷
 * Lettuce (for g: ÷ Spring Data Redis), a line at 1.0x (parity) and a marker at each bar's target.
 * Plain Java2D, headless, so the chart needs nothing installed besides the JDK.
 */
final class RatioChart {

    private static final int WIDTH = 1000;
    private static final int LEFT = 310;
    private static final int RIGHT = 150;
    private static final int TOP = 70;
    private static final int BAR = 20;
    /** Space after a group's bars. */
    private static final int GAP = 26;

    private static final int BOTTOM = 70;

    private static final Color JEDIS = new Color(0x4C78A8);
    private static final Color LETTUCE = new Color(0xF58518);
    private static final Color MET = new Color(0x2E7D32);
    private static final Color MISSED = new Color(0xC62828);
    /** The busy rounds' bars: the same hues, lighter. */
    private static final Color JEDIS_BUSY = new Color(0x9ECAE9);

    private static final Color LETTUCE_BUSY = new Color(0xFFBF79);
    private static final Color GRID = new Color(0xDDDDDD);

    private RatioChart() {}

    /**
     * @param rows the quiet rounds
     * @param busyRows the busy rounds (issue 18), drawn below each quiet pair in lighter colours; or {@code null}
     */
    static void write(List<Comparison> rows, List<Comparison> busyRows, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + rows.size() * group(busyRows) + BOTTOM;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            draw(g, rows, busyRows, title, height);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static int group(List<Comparison> busyRows) {
        return (busyRows == null ? 2 : 4) * (BAR + 2) + GAP;
    }

    private static void draw(Graphics2D g, List<Comparison> rows, List<Comparison> busyRows, String title, int height) {
        double max = 2.5;
        int group = group(busyRows);
        List<Comparison> all = new java.util.ArrayList<>(rows);
        if (busyRows != null) {
            all.addAll(busyRows);
        }
        for (Comparison row : all) {
            max = Math.max(max, finite(row.ratioToJedis()));
            max = Math.max(max, finite(row.ratioToLettuce()));
            max = Math.max(max, row.workload().targetRatio);
        }
        double step = max > 6 ? 1.0 : 0.5;
        max = Math.ceil(max * 1.08 / step) * step;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotBottom = TOP + rows.size() * group;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.BLACK);
        g.drawString(title, 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("ours ÷ peer, ops/s, same run and server; higher is better. | marks the target.", 20, 52);

        for (double x = 0; x <= max + 1e-9; x += step) {
            int px = LEFT + (int) Math.round(x / max * plotWidth);
            g.setColor(GRID);
            g.drawLine(px, TOP - 6, px, plotBottom);
            g.setColor(Color.DARK_GRAY);
            String tick = String.format(Locale.ROOT, "%.1fx", x);
            g.drawString(tick, px - g.getFontMetrics().stringWidth(tick) / 2, plotBottom + 18);
        }
        int parity = LEFT + (int) Math.round(1.0 / max * plotWidth);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(parity, TOP - 6, parity, plotBottom);
        g.setStroke(new BasicStroke(1f));

        int y = TOP;
        for (int i = 0; i < rows.size(); i++) {
            Comparison row = rows.get(i);
            Workload w = row.workload();
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(w.label(), 14, y + BAR + 4);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            Comparison.Verdict verdict = row.throughputVerdict();
            g.setColor(
                    verdict == Comparison.Verdict.MET
                            ? MET
                            : verdict == Comparison.Verdict.MISSED ? MISSED : Color.GRAY);
            g.drawString("bar " + w.targetText() + ": " + verdict.text, 14, y + BAR + 20);

            boolean jedisTargeted = w.targetPeer == Workload.Peer.JEDIS;
            String secondName = w == Workload.G ? "Spring Data Redis" : "Lettuce";
            bar(
                    g,
                    y,
                    w.jedisValue == null ? null : "vs Jedis",
                    row.ratioToJedis(),
                    JEDIS,
                    max,
                    plotWidth,
                    jedisTargeted ? w.targetRatio : Double.NaN,
                    row.ours() == null);
            bar(
                    g,
                    y + BAR + 2,
                    "vs " + secondName,
                    row.ratioToLettuce(),
                    LETTUCE,
                    max,
                    plotWidth,
                    jedisTargeted ? Double.NaN : w.targetRatio,
                    row.ours() == null);
            if (busyRows != null) {
                Comparison busy = busyRows.get(i);
                bar(
                        g,
                        y + 2 * (BAR + 2),
                        w.jedisValue == null ? null : "vs Jedis, busy",
                        busy.ratioToJedis(),
                        JEDIS_BUSY,
                        max,
                        plotWidth,
                        Double.NaN,
                        busy.ours() == null);
                bar(
                        g,
                        y + 3 * (BAR + 2),
                        "vs " + secondName + ", busy",
                        busy.ratioToLettuce(),
                        LETTUCE_BUSY,
                        max,
                        plotWidth,
                        Double.NaN,
                        busy.ours() == null);
            }
            y += group;
        }

        int legend = height - 26;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(JEDIS);
        g.fillRect(LEFT, legend - 11, 14, 14);
        g.setColor(Color.BLACK);
        g.drawString("ours ÷ Jedis", LEFT + 20, legend);
        g.setColor(LETTUCE);
        g.fillRect(LEFT + 140, legend - 11, 14, 14);
        g.setColor(Color.BLACK);
        g.drawString("ours ÷ Lettuce (g: ÷ Spring Data Redis on Lettuce)", LEFT + 160, legend);
        if (busyRows != null) {
            g.drawString("lighter: with a CPU-bound neighbour process (busy)", LEFT, legend + 18);
        }
    }

    private static void bar(
            Graphics2D g,
            int y,
            String name,
            double ratio,
            Color color,
            double max,
            int plotWidth,
            double target,
            boolean oursMissing) {
        if (name == null) {
            return;
        }
        int px = Double.isNaN(target) ? -1 : LEFT + (int) Math.round(target / max * plotWidth);
        String text;
        int x;
        if (Double.isNaN(ratio)) {
            text = name + ": not available" + (oursMissing ? " (our side has no result)" : "");
            x = LEFT + 6;
        } else {
            int length = (int) Math.round(ratio / max * plotWidth);
            g.setColor(color);
            g.fillRect(LEFT, y, Math.max(length, 1), BAR);
            text = String.format(Locale.ROOT, "%.2fx %s", ratio, name);
            x = LEFT + length + 6;
        }
        // The label sits on a white box over the parity line, and moves right of a target marker it would hide.
        int width = g.getFontMetrics().stringWidth(text);
        if (px >= x - 4 && px <= x + width + 4) {
            x = px + 7;
        }
        g.setColor(Color.WHITE);
        g.fillRect(x - 3, y + 2, width + 6, BAR - 4);
        g.setColor(Double.isNaN(ratio) ? Color.GRAY : Color.BLACK);
        g.drawString(text, x, y + BAR - 5);
        if (px >= 0) {
            g.setStroke(new BasicStroke(3f));
            g.drawLine(px, y - 3, px, y + BAR + 3);
            g.setStroke(new BasicStroke(1f));
        }
    }

    private static double finite(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
