using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Training;

namespace ProbDsl.Inference.Tests.Training;

/// <summary>A damaged checkpoint is recognised before anything is restored from it, and the older ones rotate as promised.</summary>
public sealed class CheckpointFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-ckptfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CheckpointHeader Header(long step) => new()
    {
        ModelHash = "H", ModelDescription = "M", Settings = new SortedDictionary<string, string> { ["seed"] = "0" }, BaseName = "c.ckpt",
        Epoch = 2, GlobalStep = step, Baselines = [], Reports = [new EpochReport(1, 1.5, -2.25, double.NaN, 3, 4)],
    };

    private string Written(long step = 7)
    {
        var path = Path.Combine(_directory, "c.ckpt");
        CheckpointFile.Write(path, Header(step), writer => writer.Write(new byte[] { 1, 2, 3 }));
        return path;
    }

    [Fact]
    public void What_is_written_reads_back_exactly()
    {
        var (header, tensors) = CheckpointFile.Read(Written());
        using (tensors)
            Assert.Equal(new byte[] { 1, 2, 3 }, tensors.ReadBytes(3));

        Assert.Equal(7, header.GlobalStep);
        Assert.True(double.IsNaN(Assert.Single(header.Reports).TestError));
        Assert.Equal(-2.25, header.Reports[0].TestElbo);
    }

    [Fact]
    public void A_truncated_or_altered_file_or_another_file_is_refused_naming_it()
    {
        var path = Written();
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..^10]);
        Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => CheckpointFile.Read(path)).Message);

        bytes[^40] ^= 1;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("damaged", Assert.Throws<CheckpointException>(() => CheckpointFile.Read(path)).Message);

        File.WriteAllText(path, "weights from somewhere else");
        var error = Assert.Throws<CheckpointException>(() => CheckpointFile.Read(path));
        Assert.Contains("not a ProbDsl training checkpoint", error.Message);
        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void Making_room_keeps_the_newest_under_its_name_and_shifts_the_older_ones()
    {
        var path = Path.Combine(_directory, "c.ckpt");
        for (var step = 1; step <= 4; step++)
        {
            CheckpointHistory.MakeRoom(path, keep: 3);
            CheckpointFile.Write(path, Header(step), _ => { });
        }

        long Step(string p) => CheckpointFile.Read(p).Header.GlobalStep;
        Assert.Equal(new[] { 4L, 3L, 2L }, new[] { path, path + ".1", path + ".2" }.Select(Step));
        Assert.False(File.Exists(path + ".3"));
    }
}
