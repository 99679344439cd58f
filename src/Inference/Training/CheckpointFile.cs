using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The container of a training checkpoint: <c>PDSLCKPT</c>, a format version, the payload's length, the payload
/// (the JSON <see cref="CheckpointHeader"/>, then the binary tensors) and its SHA-256. The hash tells a damaged file
/// from a good one before anything is restored, so that resuming from a directory can fall back to an older one.
/// </summary>
internal static class CheckpointFile
{
    private static readonly byte[] Magic = "PDSLCKPT"u8.ToArray();
    private const int Version = 1;
    private const int HashLength = 32;

    private static readonly JsonSerializerOptions Json = new()
    {
        // Reports hold NaN (an unsupervised run has no test error); doubles round-trip exactly either way.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the file atomically and durably (see <see cref="AtomicFile"/>).</summary>
    public static void Write(string path, CheckpointHeader header, Action<BinaryWriter> writeTensors)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(JsonSerializer.Serialize(header, Json));
            writeTensors(writer);
        }
        var bytes = new ArraySegment<byte>(payload.GetBuffer(), 0, (int)payload.Length);
        var hash = SHA256.HashData(bytes);
        AtomicFile.Replace(path, stream =>
        {
            stream.Write(Magic);
            stream.Write(BitConverter.GetBytes(Version));
            stream.Write(BitConverter.GetBytes((long)bytes.Count));
            stream.Write(bytes);
            stream.Write(hash);
        });
    }

    /// <summary>True when the file starts like a checkpoint (cheap: reads 8 bytes), for picking files out of a directory.</summary>
    public static bool LooksLikeCheckpoint(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> start = stackalloc byte[8];
            return stream.ReadAtLeast(start, 8, throwOnEndOfStream: false) == 8 && start.SequenceEqual(Magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads and verifies the file; the returned reader is positioned at the tensors, after the header.</summary>
    /// <exception cref="CheckpointException">The file is missing, unreadable, not a checkpoint, or damaged.</exception>
    public static (CheckpointHeader Header, BinaryReader Tensors) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CheckpointException($"{path}: cannot be read ({e.Message})", e);
        }
        var payload = Verify(path, bytes);
        var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        try
        {
            var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadString(), Json)
                ?? throw new JsonException("empty header");
            return (header, reader);
        }
        catch (Exception e) when (e is JsonException or EndOfStreamException or FormatException)
        {
            reader.Dispose();
            throw new CheckpointException($"{path}: the checkpoint's header cannot be read ({e.Message}); it was written by another version of ProbDsl or is damaged.", e);
        }
    }

    private static byte[] Verify(string path, byte[] bytes)
    {
        const int prefix = 8 + 4 + 8;
        if (bytes.Length < prefix + HashLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new CheckpointException($"{path}: not a ProbDsl training checkpoint.");
        var version = BitConverter.ToInt32(bytes, 8);
        if (version != Version)
            throw new CheckpointException($"{path}: checkpoint format version {version}; this build reads version {Version}.");
        var length = BitConverter.ToInt64(bytes, 12);
        if (length != bytes.Length - prefix - HashLength)
            throw new CheckpointException($"{path}: the checkpoint is truncated or damaged ({bytes.Length} bytes, its header promises {length + prefix + HashLength}).");
        var payload = bytes.AsSpan(prefix, (int)length);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(prefix + (int)length, HashLength)))
            throw new CheckpointException($"{path}: the checkpoint is damaged (its SHA-256 does not match its content).");
        return payload.ToArray();
    }
}
