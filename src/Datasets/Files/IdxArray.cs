using System.IO;

namespace ProbDsl.Datasets;

/// <summary>
/// Any IDX file of unsigned bytes (MNIST's format, also Fashion-MNIST's and KMNIST's; plain or gzip) as an
/// <see cref="NpyArray"/> with the shape its header declares, validated by <see cref="IdxReader"/>.
/// </summary>
public static class IdxArray
{
    /// <exception cref="InvalidDataException">Not an IDX file of unsigned bytes, or damaged; the message says why.</exception>
    public static NpyArray Read(string path)
    {
        var bytes = IdxReader.ReadBytes(path);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"{path}: not an IDX file (it does not start with two zero bytes).");
        if (bytes[2] != IdxReader.UnsignedByte)
            throw new InvalidDataException($"{path}: IDX element type 0x{bytes[2]:X2} is not supported; only unsigned bytes (0x08) are read.");
        var dimensions = bytes[3];
        // Sizes of 0 accept any; the reader checks the magic, the header and that the payload length is exact.
        var payload = IdxReader.Parse(bytes, path, new int[dimensions]);
        var shape = new long[dimensions];
        for (var d = 0; d < dimensions; d++)
            shape[d] = (uint)IdxReader.ReadBigEndian(bytes, 4 + 4 * d);
        return new NpyArray(path, NpyDtype.UInt8, shape, payload);
    }
}
