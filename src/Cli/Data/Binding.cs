namespace ProbDsl.Cli.Data;

/// <summary>A variable bound to a file on the command line: <c>--data x=images.npy</c>, <c>--label y=labels.csv</c>.</summary>
internal sealed record Binding(string Option, string Variable, string Path)
{
    public static Binding Parse(string option, string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
            throw new UserError($"{option} {text}: expected NAME=FILE, the model's variable and a .npy, .npz or .csv file (e.g. {option} x=images.npy).");
        return new Binding(option, text[..equals].Trim(), text[(equals + 1)..].Trim());
    }

    /// <summary>The variable must be the one the model declares in that role.</summary>
    public void RequireVariable(string declared, string declaration)
    {
        if (Variable != declared)
            throw new UserError($"{Option} {Variable}={Path}: the model has no {Option.TrimStart('-')} variable '{Variable}'; it declares {declaration}, so write {Option} {declared}={Path}.");
    }

    public override string ToString() => $"{Option} {Variable}={Path}";
}
