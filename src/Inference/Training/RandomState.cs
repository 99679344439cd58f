using static TorchSharp.torch;

namespace ProbDsl.Inference.Training;

/// <summary>
/// The state of libtorch generators as bytes, for checkpoints: the global CPU generator (weight initialisation and
/// every draw of a generated bound) and the trainer's own (shuffling, dynamic binarisation).
/// </summary>
internal static class RandomState
{
    public static byte[] Of(Generator generator)
    {
        using var state = generator.get_state();
        return state.data<byte>().ToArray();
    }

    public static void Restore(Generator generator, byte[] state)
    {
        using var bytes = tensor(state, uint8);
        generator.set_state(bytes);
    }

    /// <summary>The global CPU generator. (A CUDA generator is not saved: this build has no CUDA.)</summary>
    public static byte[] OfGlobal()
    {
        using var global = Generator.Default; // a new handle on the one global generator; disposing it leaves that alone
        return Of(global);
    }

    public static void RestoreGlobal(byte[] state)
    {
        using var global = Generator.Default;
        Restore(global, state);
    }
}
