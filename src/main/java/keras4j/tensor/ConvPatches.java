package keras4j.tensor;

import java.util.Arrays;

/**
 * im2col and its adjoint col2im for the convolution of {@link ConvSpec}: row {@code r} of the patch
 * matrix is output position {@code r} (batch, then spatial positions in row-major order); its
 * columns are laid out {@code (group, kd, kh, kw, channel-in-group)}, so one group's patch is a
 * contiguous block of {@code spec.patch} columns whose order matches the kernel's rows
 * {@code (kd, kh, kw, channel)}. Taps that fall in the padding are zero.
 */
final class ConvPatches {
    private ConvPatches() {}

    /** Runs shorter than this are copied by a loop rather than {@code System.arraycopy}. */
    private static final int SHORT_RUN = 16;

    /** Fills rows {@code [r0, r1)} of the patch matrix into {@code cols} (row {@code r0} at offset 0). */
    static void im2col(ConvSpec c, float[] x, int r0, int r1, float[] cols) {
        walk(c, x, r0, r1, cols, false);
    }

    /** Adds rows {@code [r0, r1)} of a patch-shaped gradient ({@code cols}) into the input gradient {@code dx}. */
    static void col2im(ConvSpec c, float[] cols, int r0, int r1, float[] dx) {
        walk(c, dx, r0, r1, cols, true);
    }

    /**
     * The shared window walk: for every row and every in-bounds tap, either copies the input run into the
     * patch matrix ({@code scatter == false}) or adds the patch run back into the input ({@code scatter == true}).
     */
    private static void walk(ConvSpec c, float[] x, int r0, int r1, float[] cols, boolean scatter) {
        final int od = c.out[0], oh = c.out[1], ow = c.out[2];
        final int ih = c.in[1], iw = c.in[2];
        final int kh = c.k[1], kw = c.k[2];
        final int cin = c.inChannels, cinG = c.cinG, groups = c.groups, width = c.cols, patch = c.patch;
        final int stepW = c.d[2] * cin;
        int w = r0 % ow, t = r0 / ow;
        int h = t % oh;
        t /= oh;
        int dd = t % od, b = t / od;
        for (int r = r0; r < r1; r++) {
            int row = (r - r0) * width;
            int baseD = dd * c.s[0] - c.pad[0], baseH = h * c.s[1] - c.pad[1], baseW = w * c.s[2] - c.pad[2];
            int d0 = c.firstTap(0, baseD), d1 = c.endTap(0, baseD);
            int h0 = c.firstTap(1, baseH), h1 = c.endTap(1, baseH);
            int w0 = c.firstTap(2, baseW), w1 = c.endTap(2, baseW);
            if (!scatter && (d0 > 0 || h0 > 0 || w0 > 0 || d1 < c.k[0] || h1 < kh || w1 < kw)) {
                Arrays.fill(cols, row, row + width, 0f);
            }
            int image = b * c.inSpatial;
            for (int i = d0; i < d1; i++) {
                int pd = baseD + i * c.d[0];
                for (int j = h0; j < h1; j++) {
                    int ph = baseH + j * c.d[1];
                    int tap0 = (i * kh + j) * kw;
                    int src = (image + (pd * ih + ph) * iw + baseW + w0 * c.d[2]) * cin;
                    if (groups == 1) {
                        int dst = row + (tap0 + w0) * cin;
                        if (c.d[2] == 1) {
                            move(x, src, cols, dst, (w1 - w0) * cin, scatter);
                        } else {
                            for (int q = w0; q < w1; q++, src += stepW, dst += cin) move(x, src, cols, dst, cin, scatter);
                        }
                    } else {
                        for (int q = w0; q < w1; q++, src += stepW) {
                            int dst = row + (tap0 + q) * cinG;
                            for (int g = 0; g < groups; g++) move(x, src + g * cinG, cols, dst + g * patch, cinG, scatter);
                        }
                    }
                }
            }
            if (++w == ow) {
                w = 0;
                if (++h == oh) {
                    h = 0;
                    if (++dd == od) {
                        dd = 0;
                        b++;
                    }
                }
            }
        }
    }

    /** Copies {@code x[xo..xo+n)} to {@code cols[co..co+n)}, or adds the latter into the former when scattering. */
    private static void move(float[] x, int xo, float[] cols, int co, int n, boolean scatter) {
        if (scatter) {
            for (int i = 0; i < n; i++) x[xo + i] += cols[co + i];
        } else if (n < SHORT_RUN) {
            for (int i = 0; i < n; i++) cols[co + i] = x[xo + i];
        } else {
            System.arraycopy(x, xo, cols, co, n);
        }
    }
}
