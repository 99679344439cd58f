using System.IO;
using System.Linq;
using ProbDsl.Inference.Data;

namespace ProbDsl.Inference.Tests.Data;

public class IdxReaderTests
{
    [Fact]
    public void Reads_back_the_bytes_it_was_given()
    {
        var payload = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)i).ToArray();

        var data = IdxReader.Parse(IdxFiles.Encode(new[] { 2, 3, 4 }, payload), "x.idx", new[] { 2, 3, 4 });

        Assert.Equal(payload, data);
    }

    [Fact]
    public void Truncated_file_is_rejected_with_its_name()
    {
        var bytes = IdxFiles.Encode(new[] { 5 }, new byte[5]);
        var path = Path.Combine(IdxFiles.TempDirectory(), "labels-idx1-ubyte");
        File.WriteAllBytes(path, bytes.Take(bytes.Length - 1).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 5));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Bad_magic_number_is_rejected()
    {
        var bytes = IdxFiles.Encode(new[] { 5 }, new byte[5]);
        bytes[2] = 0x0D; // float data, not unsigned bytes

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "f.idx", new[] { 5 }));

        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void Wrong_dimensions_are_rejected()
    {
        var bytes = IdxFiles.Encode(new[] { 4, 2 }, new byte[8]);

        Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "d.idx", new[] { 4, 3 }));
        Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "d.idx", new[] { 8 }));
    }
}
