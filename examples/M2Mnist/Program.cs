using System;
using System.CommandLine;
using System.IO;
using ProbDsl.Examples.M2Mnist;

// Trains Kingma et al.'s M2, declared in m2.pdsl and compiled by the ProbDsl source generator, on real MNIST.
var options = new M2Options();
var root = new RootCommand("Train M2 (Kingma et al. 2014) on real MNIST with a few labels; y is enumerated exactly.");
options.AddTo(root);
root.SetAction(parsed =>
{
    try
    {
        return M2Run.Execute(options.Read(parsed));
    }
    catch (Exception e) when (e is ProbDsl.Inference.Data.MnistUnavailableException or InvalidDataException or ArgumentException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
});
return root.Parse(args).Invoke();
