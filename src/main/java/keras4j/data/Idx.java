package keras4j.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Reads and writes IDX files, the format of MNIST and Fashion-MNIST
 * ({@code train-images-idx3-ubyte.gz} and friends).
 *
 * <p>Layout: two zero bytes, a type byte ({@link #UBYTE} 0x08, {@link #BYTE} 0x09, {@link #SHORT}
 * 0x0B, {@link #INT} 0x0C, {@link #FLOAT} 0x0D, {@link #DOUBLE} 0x0E), the number of dimensions,
 * each dimension as a big-endian int32, then the values big-endian in row-major order. Files may be
 * gzipped (detected by the gzip magic {@code 1f 8b}). Values are returned as float32 as stored:
 * ubyte pixels stay 0..255, not scaled (like {@code keras.datasets.mnist.load_data()}).
 *
 * <p>The declared shape is checked against the data actually present before any tensor is
 * allocated, so truncated or corrupt files fail with a message naming both sizes.
 */
public final class Idx {
    public static final int UBYTE = 0x08;
    public static final int BYTE = 0x09;
    public static final int SHORT = 0x0B;
    public static final int INT = 0x0C;
    public static final int FLOAT = 0x0D;
    public static final int DOUBLE = 0x0E;

    private Idx() {}

    /** Reads an IDX file, gzipped or not. */
    public static Tensor read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads IDX data, gzipped or not, from a stream (not closed). */
    public static Tensor read(InputStream in) throws IOException {
        return read(in, "IDX stream");
    }

    private static Tensor read(InputStream raw, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        InputStream in = buffered;
        try {
            if (gzip) in = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
            return parse(in, source);
        } catch (ZipException | EOFException e) {
            if (!gzip) throw e;
            throw new IOException(source + ": corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static Tensor parse(InputStream in, String source) throws IOException {
        byte[] magic = readHeader(in, 4, source, "magic number");
        int type = magic[2] & 0xFF;
        int rank = magic[3] & 0xFF;
        if (magic[0] != 0 || magic[1] != 0 || bytesPer(type) == 0) {
            throw new IOException(source + ": not an IDX file: magic number 0x" + hex(magic)
                    + " (expected 0x0000TTNN with type TT one of 08, 09, 0B, 0C, 0D, 0E)");
        }
        int[] shape = new int[rank];
        ByteBuffer dims = ByteBuffer.wrap(readHeader(in, 4 * rank, source, rank + " dimensions")).order(ByteOrder.BIG_ENDIAN);
        long count = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = dims.getInt();
            if (shape[i] < 0) throw new IOException(source + ": dimension " + i + " is negative (" + shape[i] + ")");
            count *= shape[i];
            if (count > Integer.MAX_VALUE - 8) {
                throw new IOException(source + ": declared shape " + shapeText(shape, i + 1) + "... is too large for one tensor");
            }
        }
        long expected = count * bytesPer(type);
        if (expected > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": declared shape " + shapeText(shape, rank) + " of " + typeName(type)
                    + " needs " + expected + " bytes, more than one array can hold");
        }
        byte[] data = in.readNBytes((int) expected);
        if (data.length < expected) {
            throw new IOException(source + ": truncated: shape " + shapeText(shape, rank) + " of " + typeName(type)
                    + " needs " + expected + " bytes of data but only " + data.length + " follow the header");
        }
        if (in.read() != -1) {
            throw new IOException(source + ": corrupt: more data follows the " + expected + " bytes that shape "
                    + shapeText(shape, rank) + " of " + typeName(type) + " declares");
        }
        float[] values = new float[(int) count];
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (type) {
                case UBYTE -> buf.get() & 0xFF;
                case BYTE -> buf.get();
                case SHORT -> buf.getShort();
                case INT -> buf.getInt();
                case FLOAT -> buf.getFloat();
                default -> (float) buf.getDouble();
            };
        }
        return rank == 0 ? Tensor.scalar(values[0]) : Tensor.wrap(values, shape);
    }

    /** Writes {@code t} as IDX with element type {@code type}, gzipped if asked. */
    public static void write(Path file, Tensor t, int type, boolean gzip) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (gzip) {
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    write(gz, t, type);
                }
            } else {
                write(out, t, type);
            }
        }
    }

    /**
     * Writes {@code t} as plain IDX to a stream (flushed, not closed). Values must fit the type:
     * integers in range for the integer types.
     */
    public static void write(OutputStream stream, Tensor t, int type) throws IOException {
        if (bytesPer(type) == 0) {
            throw new IllegalArgumentException("Argument `type` should be one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E. Received: type=0x"
                    + Integer.toHexString(type));
        }
        int[] shape = t.shape();
        if (shape.length > 255) throw new IllegalArgumentException("IDX supports at most 255 dimensions; got " + shape.length);
        float[] values = t.data();
        for (int i = 0; i < values.length; i++) checkFits(values[i], type, i);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.write(new byte[] {0, 0, (byte) type, (byte) shape.length});
        for (int d : shape) out.writeInt(d);
        for (float v : values) {
            switch (type) {
                case UBYTE, BYTE -> out.writeByte((int) v);
                case SHORT -> out.writeShort((int) v);
                case INT -> out.writeInt((int) v);
                case FLOAT -> out.writeFloat(v);
                default -> out.writeDouble(v);
            }
        }
        out.flush();
    }

    private static void checkFits(float v, int type, int index) {
        double min;
        double max;
        switch (type) {
            case UBYTE -> { min = 0; max = 255; }
            case BYTE -> { min = -128; max = 127; }
            case SHORT -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case INT -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            default -> { return; }
        }
        if (v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException("Value " + v + " at flat index " + index + " does not fit IDX type " + typeName(type)
                    + " (integers " + (long) min + ".." + (long) max + ")");
        }
    }

    private static byte[] readHeader(InputStream in, int n, String source, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new IOException(source + ": truncated header: ends inside the " + what);
        return b;
    }

    static int bytesPer(int type) {
        return switch (type) {
            case UBYTE, BYTE -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case DOUBLE -> 8;
            default -> 0;
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case UBYTE -> "ubyte";
            case BYTE -> "byte";
            case SHORT -> "short";
            case INT -> "int";
            case FLOAT -> "float";
            default -> "double";
        };
    }

    private static String shapeText(int[] shape, int n) {
        return Shape.format(java.util.Arrays.copyOf(shape, n));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02X", x & 0xFF));
        return sb.toString();
    }
}
