using System.IO;
using System.Linq;
using ProbDsl.Inference.Training;
using ProbDsl.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.EndToEnd.Tests;

public class MemoryAndCheckpointTests
{
    /// <summary>Every tensor a training step creates is disposed with the step: the live count stays flat.</summary>
    [Fact]
    public void Training_steps_leave_no_live_tensors_behind()
    {
        torch.set_num_threads(1);
        manual_seed(0);
        using var model = new M2Structured();
        using var optimizer = optim.Adam(model.parameters(), lr: 3e-4);
        var objective = new SemiSupervisedObjective(0.1, 100, 900);
        using var xu = rand(32, 784).gt(0.5).to(float32);
        using var xl = rand(16, 784).gt(0.5).to(float32);
        using var yl = randint(0, 10, new long[] { 16 }, dtype: int64);

        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            objective.Loss(model, xl, yl, xu).backward();
            optimizer.step();
        }

        for (var i = 0; i < 3; i++)
            Step(); // Adam creates its state on the first steps
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 20; i++)
            Step();
        var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Assert.Equal(before, after);
    }

    [Fact]
    public void Checkpoint_is_written_atomically_and_loads_back_the_same_weights()
    {
        manual_seed(1);
        using var trained = new M2Structured();
        var path = Path.Combine(Path.GetTempPath(), "probdsl-ckpt-" + System.Guid.NewGuid().ToString("N"), "m2.bin");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.GetDirectoryName(path)!).FullName, "m2.bin"), "an older checkpoint");

        Checkpoint.SaveAtomically(trained, path);

        Assert.Equal(new[] { "m2.bin" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        manual_seed(2);
        using var restored = new M2Structured();
        restored.load(path);
        foreach (var ((name, expected), (_, actual)) in trained.named_parameters().Zip(restored.named_parameters()))
            Assert.True(expected.allclose(actual, rtol: 0, atol: 0), name);
    }
}
