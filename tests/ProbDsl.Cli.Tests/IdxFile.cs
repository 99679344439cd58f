using System.IO;
using System.IO.Compression;

namespace ProbDsl.Cli.Tests;

/// <summary>Writes IDX files of unsigned bytes as MNIST's are laid out: magic 0x000008DD, DD big-endian sizes, the bytes.</summary>
internal static class IdxFile
{
    public static void Write(string path, int[] shape, byte[] data, bool gzip = false)
    {
        using var file = File.Create(path);
        using Stream output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        output.Write(new byte[] { 0, 0, 0x08, (byte)shape.Length });
        foreach (var size in shape)
            output.Write(new[] { (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size });
        output.Write(data);
    }
}
