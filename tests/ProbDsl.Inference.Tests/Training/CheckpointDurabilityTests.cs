using System;
using System.IO;
using System.Linq;
using ProbDsl.Inference.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Inference.Tests.Training;

/// <summary>Checkpoints are durable (flushed to disk before the rename), clean up after killed saves, and are never non-finite.</summary>
public sealed class CheckpointDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("probdsl-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static nn.Module Weights()
    {
        manual_seed(0);
        return nn.Linear(3, 2);
    }

    [Fact]
    public void The_new_content_is_complete_and_flushed_to_disk_before_it_replaces_the_old_file()
    {
        var path = PathOf("m.bin");
        File.WriteAllText(path, "old");
        RecordingStream? stream = null;

        AtomicFile.Replace(path, s => s.Write("new content"u8), temporary => stream = new RecordingStream(temporary, path));

        Assert.NotNull(stream);
        // At the moment of the fsync, the whole new content was in the temporary file and the old file untouched.
        Assert.Equal(new[] { ("new content", "old") }, stream!.FlushesToDisk);
        Assert.Equal("new content", File.ReadAllText(path));
        Assert.Equal(new[] { "m.bin" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_save_is_removed_by_the_next_save_and_nothing_else_is()
    {
        var path = PathOf("m.bin");
        var stale = PathOf($".m.bin.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(stale, Array.Empty<byte>()); // what kill -9 between create and rename leaves
        var keep = new[] { PathOf(".m.bin.notes.tmp"), PathOf($".other.bin.{Guid.NewGuid():N}.tmp"), PathOf("m.bin.tmp") };
        foreach (var file in keep)
            File.WriteAllText(file, "not ours");
        using var module = Weights();

        Checkpoint.SaveAtomically(module, path);

        Assert.False(File.Exists(stale));
        Assert.All(keep, file => Assert.Equal("not ours", File.ReadAllText(file)));
        Assert.True(new FileInfo(path).Length > 0);
    }

    [Fact]
    public void Non_finite_weights_are_refused_and_the_checkpoint_on_disk_stays_byte_identical()
    {
        var path = PathOf("m.bin");
        using var module = Weights();
        Checkpoint.SaveAtomically(module, path);
        var good = File.ReadAllBytes(path);
        using (no_grad())
            module.parameters().Last()[1] = float.NaN; // the bias

        var error = Assert.Throws<NonFiniteWeightsException>(() => Checkpoint.SaveAtomically(module, path));

        Assert.Equal("bias", error.TensorName);
        Assert.Contains("'bias'", error.Message);
        Assert.Equal(good, File.ReadAllBytes(path));
        Assert.Equal(new[] { "m.bin" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(".m.bin.0123456789abcdef0123456789abcdef.tmp", true)]
    [InlineData(".m.bin.0123456789ABCDEF0123456789ABCDEF.tmp", true)]
    [InlineData(".m.bin.0123456789abcdef0123456789abcdeg.tmp", false)]
    [InlineData(".m.bin.0123456789abcdef.tmp", false)]
    [InlineData(".xm.bin.0123456789abcdef0123456789abcdef.tmp", false)]
    public void Only_this_checkpoints_temporary_files_count_as_its_own(string file, bool ours) =>
        Assert.Equal(ours, AtomicFile.IsTemporaryOf(file, "m.bin"));

    /// <summary>Records, at each flush to disk, what the temporary file holds and what the target file holds.</summary>
    private sealed class RecordingStream : FileStream
    {
        private readonly string _temporary;
        private readonly string _target;

        public RecordingStream(string temporary, string target)
            : base(temporary, FileMode.CreateNew, FileAccess.Write)
        {
            _temporary = temporary;
            _target = target;
        }

        public System.Collections.Generic.List<(string Temporary, string Target)> FlushesToDisk { get; } = new();

        public override void Flush(bool flushToDisk)
        {
            base.Flush(flushToDisk);
            if (flushToDisk)
                FlushesToDisk.Add((ReadShared(_temporary), ReadShared(_target)));
        }

        private static string ReadShared(string path)
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }
    }
}
