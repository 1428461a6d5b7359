package fr.tribunes.pagecache.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A page compressed once, for every reader, although a few values in it change with each answer (the comment
 * form's token): the parts between those values are compressed once, each as a deflate stream of its own that
 * refers to nothing before it, and each answer writes them with the values in between as stored (uncompressed)
 * blocks, inside one gzip member (RFC 1952) whose checksum is computed over the whole text. Compressing a page of
 * 20 KB costs far more than serving it; this costs a checksum.
 */
final class GzipParts {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** Each part compressed; all but the last end with a sync flush (byte-aligned), the last is final. */
    private final byte[][] compressed;

    private GzipParts(byte[][] compressed) {
        this.compressed = compressed;
    }

    /** Parts compressed earlier by {@link #of}, as {@link #compressed()} gave them (read back from a file). */
    static GzipParts ofCompressed(byte[][] compressed) {
        return new GzipParts(compressed);
    }

    byte[][] compressed() {
        return compressed;
    }

    static GzipParts of(byte[][] parts) {
        byte[][] compressed = new byte[parts.length][];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            for (int i = 0; i < parts.length; i++) {
                deflater.reset();
                deflater.setInput(parts[i]);
                boolean last = i == parts.length - 1;
                if (last) {
                    deflater.finish();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(parts[i].length / 3 + 64);
                byte[] buffer = new byte[8192];
                int flush = last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
                while (true) {
                    int n = deflater.deflate(buffer, 0, buffer.length, flush);
                    out.write(buffer, 0, n);
                    if (last ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
                        break;
                    }
                }
                compressed[i] = out.toByteArray();
            }
        } finally {
            deflater.end();
        }
        return new GzipParts(compressed);
    }

    int size() {
        int size = 0;
        for (byte[] part : compressed) {
            size += part.length + 16;
        }
        return size;
    }

    /** The length of the gzip member for these values (each at most 65,535 bytes). */
    long length(byte[][] values) {
        long length = HEADER.length + 8;
        for (byte[] part : compressed) {
            length += part.length;
        }
        for (byte[] value : values) {
            length += 5 + value.length;
        }
        return length;
    }

    /** Writes the gzip member of {@code parts} with {@code values} between them. */
    void write(byte[][] parts, byte[][] values, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        out.write(HEADER);
        for (int i = 0; i < compressed.length; i++) {
            out.write(compressed[i]);
            crc.update(parts[i]);
            size += parts[i].length;
            if (i < values.length) {
                byte[] value = values[i];
                // A stored block, not final: BFINAL 0, BTYPE 00, then LEN and its complement, little-endian.
                out.write(0);
                out.write(value.length & 0xff);
                out.write((value.length >>> 8) & 0xff);
                out.write(~value.length & 0xff);
                out.write((~value.length >>> 8) & 0xff);
                out.write(value);
                crc.update(value);
                size += value.length;
            }
        }
        writeInt((int) crc.getValue(), out);
        writeInt((int) size, out);
    }

    private static void writeInt(int value, OutputStream out) throws IOException {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }
}
