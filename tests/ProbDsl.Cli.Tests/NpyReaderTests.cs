using System.IO;
using System.Linq;
using System.Text;
using ProbDsl.Datasets;

namespace ProbDsl.Cli.Tests;

/// <summary>The .npy reader against files written from the format's specification (<see cref="NpyFile"/>).</summary>
public class NpyReaderTests : TempDirectoryTest
{

    [Fact]
    public void Float32RoundTripsWithItsShape()
    {
        var values = new[] { 0f, 1f, -2.5f, 3.25e-7f, float.MaxValue, 0.1f };
        var path = Path.Combine(TempDirectory, "a.npy");
        NpyFile.Float32(path, new long[] { 2, 3 }, values);

        var array = NpyReader.Read(path);

        Assert.Equal(NpyDtype.Float32, array.Dtype);
        Assert.Equal(new long[] { 2, 3 }, array.Shape);
        Assert.Equal(values, array.ToSingles());
    }

    [Fact]
    public void Float64Int64AndUInt8RoundTrip()
    {
        var doubles = Path.Combine(TempDirectory, "d.npy");
        var longs = Path.Combine(TempDirectory, "l.npy");
        var bytes = Path.Combine(TempDirectory, "b.npy");
        NpyFile.Float64(doubles, new long[] { 3 }, new[] { 1e-300, -0.5, 7 });
        NpyFile.Int64(longs, new long[] { 4, 1 }, new[] { 0L, 9, -3, long.MaxValue });
        NpyFile.UInt8(bytes, new long[] { 2, 2, 2 }, new byte[] { 0, 1, 2, 3, 252, 253, 254, 255 });

        var d = NpyReader.Read(doubles);
        var l = NpyReader.Read(longs);
        var b = NpyReader.Read(bytes);

        Assert.Equal(new[] { 1e-300, -0.5, 7 }, Enumerable.Range(0, 3).Select(i => d[i]));
        Assert.Equal(new double[] { 0, 9, -3, long.MaxValue }, Enumerable.Range(0, 4).Select(i => l[i]));
        Assert.Equal(new long[] { 2, 2, 2 }, b.Shape);
        Assert.Equal(new double[] { 0, 1, 2, 3, 252, 253, 254, 255 }, Enumerable.Range(0, 8).Select(i => b[i]));
    }

    [Fact]
    public void Version2HeaderIsRead()
    {
        var path = Path.Combine(TempDirectory, "v2.npy");
        NpyFile.Write(path, "<f4", new long[] { 1, 2 }, new byte[] { 0, 0, 128, 63, 0, 0, 0, 64 }, major: 2);

        Assert.Equal(new[] { 1f, 2f }, NpyReader.Read(path).ToSingles());
    }

    [Fact]
    public void FortranOrderIsRefusedWithTheFix()
    {
        var path = Path.Combine(TempDirectory, "f.npy");
        NpyFile.Write(path, "<f4", new long[] { 2, 2 }, new byte[16], fortranOrder: true);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(path));

        Assert.Equal($"{path}: the array is stored in Fortran (column-major) order; save it in C order, e.g. np.save(path, np.ascontiguousarray(a)).", e.Message);
    }

    [Theory]
    [InlineData(">f4", "dtype '>f4' is big-endian; convert it, e.g. a.astype('<f4')")]
    [InlineData("<U5", "dtype '<U5' is not supported (use float32 '<f4', float64 '<f8', uint8 '|u1', bool '|b1', int32 '<i4' or int64 '<i8', e.g. a.astype(np.float32))")]
    [InlineData("<f2", "dtype '<f2' is not supported")]
    public void OtherDtypesAreRefusedByName(string descr, string message)
    {
        var path = Path.Combine(TempDirectory, "t.npy");
        NpyFile.Write(path, descr, new long[] { 1 }, new byte[20]);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(path));

        Assert.StartsWith($"{path}: {message}", e.Message);
    }

    [Fact]
    public void TruncatedDataAreRefusedWithTheSizes()
    {
        var path = Path.Combine(TempDirectory, "short.npy");
        NpyFile.Write(path, "<f8", new long[] { 10, 3 }, new byte[100]);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(path));

        Assert.Equal($"{path}: the file is truncated: the header declares shape (10, 3) of Float64, 240 bytes of data, but only 100 follow.", e.Message);
    }

    [Fact]
    public void ExtraBytesAfterTheDataAreRefused()
    {
        var path = Path.Combine(TempDirectory, "long.npy");
        NpyFile.Write(path, "|u1", new long[] { 2 }, new byte[3]);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(path));

        Assert.Contains("there are bytes after the 2 bytes of data the header declares", e.Message);
    }

    [Fact]
    public void AFileThatIsNotNpyIsRefused()
    {
        var path = Path.Combine(TempDirectory, "text.npy");
        File.WriteAllText(path, "x,y\n1,2\n", Encoding.ASCII);

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(path));

        Assert.Equal($"{path}: not a NumPy .npy file (it does not start with \\x93NUMPY); write it with numpy.save.", e.Message);
    }

    [Fact]
    public void StructuredArraysAreRefused()
    {
        var path = Path.Combine(TempDirectory, "rec.npy");
        var header = "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }";
        using (var file = File.Create(path))
        {
            file.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(header.Length + 1), 0 });
            file.Write(Encoding.ASCII.GetBytes(header + "\n"));
            file.Write(new byte[4]);
        }

        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(path));

        Assert.Contains("structured (record) arrays are not supported", e.Message);
    }
}
