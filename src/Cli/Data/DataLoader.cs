using System;

namespace ProbDsl.Cli.Data;

/// <summary>Binds the model's variables to the requested source: the built-in MNIST, or the user's files.</summary>
internal static class DataLoader
{
    public static TrainingData Load(DataRequest request, ModelData model, Action<string> log)
    {
        if (request.IsMnist)
        {
            if (request.Label is not null)
                throw new UserError($"--label {request.Label}: --data mnist brings its own labels; drop --label, or bind your own files with --data {model.Data.Name}=FILE --label ….");
            return MnistData.Load(request, model, log);
        }
        if (request.DataDir is not null)
            throw new UserError("--data-dir is where MNIST's IDX files are; it applies only with --data mnist.");
        if (request.IsMnist && request.DivideBy != 1)
            throw new UserError("--divide-by: MNIST's pixels are already scaled to [0, 1]; it applies to your own files.");
        return UserData.Load(request, model);
    }
}
