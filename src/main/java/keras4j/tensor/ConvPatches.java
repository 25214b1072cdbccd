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
        walk(c, x, r0, r1, cols, false, null);
    }

    /**
     * Adds rows {@code [r0, r1)} of a patch-shaped gradient ({@code cols}) into the input gradient {@code dx}, with
     * the SIMD kernel's vector adds when {@code simd} is not null.
     */
    static void col2im(ConvSpec c, float[] cols, int r0, int r1, float[] dx, ConvNarrowKernel simd) {
        walk(c, dx, r0, r1, cols, true, simd);
    }

    /**
     * The shared window walk: for every row and every in-bounds tap, either copies the input run into the
     * patch matrix ({@code scatter == false}) or adds the patch run back into the input ({@code scatter == true}).
     */
    private static void walk(ConvSpec c, float[] x, int r0, int r1, float[] cols, boolean scatter, ConvNarrowKernel simd) {
        final int od = c.out[0], oh = c.out[1], ow = c.out[2];
        final int ih = c.in[1], iw = c.in[2];
        final int kd = c.k[0], kh = c.k[1], kw = c.k[2];
        final int dd = c.d[0], dh = c.d[1], dw = c.d[2];
        final int cin = c.inChannels, cinG = c.cinG, groups = c.groups, width = c.cols, patch = c.patch;
        final int[] originD = c.origin[0], originH = c.origin[1], originW = c.origin[2];
        final int[] loD = c.tapLo[0], loH = c.tapLo[1], loW = c.tapLo[2];
        final int[] hiD = c.tapHi[0], hiH = c.tapHi[1], hiW = c.tapHi[2];
        int w = r0 % ow, t = r0 / ow;
        int h = t % oh;
        t /= oh;
        int z = t % od, b = t / od;
        for (int r = r0, row = 0; r < r1; r++, row += width) {
            int d0 = loD[z], d1 = hiD[z], h0 = loH[h], h1 = hiH[h], w0 = loW[w], w1 = hiW[w];
            if (!scatter && (d0 != 0 || h0 != 0 || w0 != 0 || d1 != kd || h1 != kh || w1 != kw)) {
                Arrays.fill(cols, row, row + width, 0f);
            }
            if (w0 < w1) {
                int image = b * c.inSpatial, baseW = originW[w] + w0 * dw;
                for (int i = d0; i < d1; i++) {
                    int pd = originD[z] + i * dd;
                    for (int j = h0; j < h1; j++) {
                        int ph = originH[h] + j * dh;
                        int tap = (i * kh + j) * kw + w0;
                        int src = (image + (pd * ih + ph) * iw + baseW) * cin;
                        if (groups == 1 && dw == 1) {
                            move(x, src, cols, row + tap * cin, (w1 - w0) * cin, scatter, simd);
                        } else if (groups == 1) {
                            for (int q = w0; q < w1; q++, src += dw * cin, tap++) move(x, src, cols, row + tap * cin, cin, scatter, simd);
                        } else {
                            for (int q = w0; q < w1; q++, src += dw * cin, tap++) {
                                for (int g = 0; g < groups; g++) move(x, src + g * cinG, cols, row + g * patch + tap * cinG, cinG, scatter, simd);
                            }
                        }
                    }
                }
            }
            if (++w == ow) {
                w = 0;
                if (++h == oh) {
                    h = 0;
                    if (++z == od) {
                        z = 0;
                        b++;
                    }
                }
            }
        }
    }

    /** Copies {@code x[xo..xo+n)} to {@code cols[co..co+n)}, or adds the latter into the former when scattering. */
    private static void move(float[] x, int xo, float[] cols, int co, int n, boolean scatter, ConvNarrowKernel simd) {
        if (scatter && simd != null) {
            simd.add(cols, co, x, xo, n);
        } else if (scatter) {
            add(cols, co, x, xo, n);
        } else if (n < SHORT_RUN) {
            for (int i = 0; i < n; i++) cols[co + i] = x[xo + i];
        } else {
            System.arraycopy(x, xo, cols, co, n);
        }
    }

    /** {@code dst[d..d+n) += src[s..s+n)}. */
    static void add(float[] src, int s, float[] dst, int d, int n) {
        for (int i = 0; i < n; i++) dst[d + i] += src[s + i];
    }
}
