using System.IO;
using System.Linq;
using ProbDsl.Datasets;

namespace ProbDsl.Datasets.Tests;

public class IdxReaderTests
{
    [Fact]
    public void Round_trips_the_payload_of_a_three_dimensional_file()
    {
        using var temp = new TempDirectory();
        var payload = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 11)).ToArray();
        var path = temp.Combine("images-idx3-ubyte");
        File.WriteAllBytes(path, IdxFiles.Encode(new[] { 2, 3, 4 }, payload));

        Assert.Equal(payload, IdxReader.Read(path, 2, 3, 4));
        Assert.Equal(payload, IdxReader.Read(path, 0, 3, 0)); // 0 = any size
    }

    [Fact]
    public void Round_trips_a_gzip_file_recognised_by_content_not_name()
    {
        using var temp = new TempDirectory();
        var payload = new byte[] { 9, 8, 7, 0, 255 };
        File.WriteAllBytes(temp.Combine("labels.gz"), IdxFiles.Gzip(IdxFiles.Encode(new[] { 5 }, payload)));
        File.WriteAllBytes(temp.Combine("labels-unpacked-name"), IdxFiles.Gzip(IdxFiles.Encode(new[] { 5 }, payload)));

        Assert.Equal(payload, IdxReader.Read(temp.Combine("labels.gz"), 5));
        Assert.Equal(payload, IdxReader.Read(temp.Combine("labels-unpacked-name"), 5));
    }

    [Fact]
    public void Truncated_file_is_rejected_with_its_name()
    {
        using var temp = new TempDirectory();
        var bytes = IdxFiles.Encode(new[] { 5 }, new byte[5]);
        var path = temp.Combine("labels-idx1-ubyte");
        File.WriteAllBytes(path, bytes[..^1]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 5));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Truncated_gzip_file_is_rejected_with_its_name()
    {
        using var temp = new TempDirectory();
        var gzip = IdxFiles.Gzip(IdxFiles.Encode(new[] { 4000 }, Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 251)).ToArray()));
        var path = temp.Combine("labels-idx1-ubyte.gz");
        File.WriteAllBytes(path, gzip[..(gzip.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, 4000));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Trailing_data_is_rejected()
    {
        var bytes = IdxFiles.Encode(new[] { 5 }, new byte[6]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "t.idx", 0));

        Assert.Contains("t.idx", error.Message);
        Assert.Contains("trailing", error.Message);
    }

    [Fact]
    public void Truncated_header_is_rejected()
    {
        var bytes = IdxFiles.Encode(new[] { 60_000, 28, 28 }, new byte[0])[..9];

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "h.idx", 60_000, 28, 28));

        Assert.Contains("h.idx: truncated inside the header", error.Message);
    }

    [Fact]
    public void Bad_magic_number_is_rejected_showing_found_and_expected()
    {
        var bytes = IdxFiles.Encode(new[] { 5 }, new byte[5 * 4]);
        bytes[2] = 0x0D; // float data, not unsigned bytes

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "f.idx", 5));

        Assert.Contains("f.idx: bad magic number 0x00000D01, expected 0x00000801", error.Message);
    }

    [Fact]
    public void A_label_file_where_images_are_expected_is_rejected_by_its_magic()
    {
        var labels = IdxFiles.Encode(new[] { 784 }, new byte[784]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(labels, "l.idx", 1, 28, 28));

        Assert.Contains("0x00000801, expected 0x00000803", error.Message);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0, 0 })]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4, 0, 0, 0, 0 })] // a zip file
    public void Files_without_an_IDX_magic_number_are_rejected(byte[] bytes)
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "z.idx", 0));

        Assert.StartsWith("z.idx: ", error.Message);
    }

    [Fact]
    public void Wrong_dimension_sizes_are_rejected_with_the_dimension()
    {
        var bytes = IdxFiles.Encode(new[] { 4, 2, 2 }, new byte[16]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "d.idx", 4, 3, 2));

        Assert.Contains("d.idx: dimension 1 has size 2, expected 3", error.Message);
    }

    [Fact]
    public void Absurd_sizes_in_a_corrupt_header_are_rejected_before_allocating()
    {
        var bytes = IdxFiles.Encode(new[] { 1, 1 }, new byte[1]);
        bytes[4] = 0xFF; // dimension 0 = 0xFF000001
        var huge = IdxFiles.Encode(new[] { 0x7FFF_FFFF, 0x7FFF_FFFF }, new byte[1]);

        Assert.Throws<InvalidDataException>(() => IdxReader.Parse(bytes, "n.idx", 0, 0));
        Assert.Contains("more than", Assert.Throws<InvalidDataException>(() => IdxReader.Parse(huge, "n.idx", 0, 0)).Message);
    }
}
