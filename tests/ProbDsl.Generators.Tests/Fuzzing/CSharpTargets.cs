using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProbDsl.Generators.Tests.Fuzzing;

/// <summary>
/// C# files around [ProbModel] targets: methods of every shape (expression body, a return, overloads, generic,
/// instance, no body) in classes and structs, nested or generic, in several namespaces — with names drawn from
/// small pools so that two targets often share a class or method name, as the generated file names must not.
/// </summary>
internal static class CSharpTargets
{
    private static readonly string[] Classes = { "Models", "models", "M", "Outer" };
    private static readonly string[] Methods = { "M2", "m2", "Build", "Tiny" };
    private static readonly string[] Namespaces = { "", "", "A", "B", "A.Inner" };

    /// <summary>Constants and non-constants the argument pools refer to, in every class that holds a target.</summary>
    private const string Members = """
            private const string Name = "x";
            private const string Text = "model M { }";
            private const int Width = 3;
            private const double Alpha = 0.5;
            private const bool Flag = true;
            private const DistributionFamily Family = DistributionFamily.Normal;
            private static readonly string ReadOnlyName = "x";
            private static readonly int ReadOnlyWidth = 3;
            private static readonly double ReadOnlyAlpha = 0.5;
            private static readonly string[] Names = { "x" };
    """;

    private const string Usings = """
        using ProbDsl.Dsl.Fluent;
        using ProbDsl.Dsl.Ir;

        public static class ChainExtensions
        {
            public static ModelBuilder Helper(this ModelBuilder builder) => builder;
        }

        """;

    /// <summary>A file with each chain as the body of a [ProbModel] method, the methods spread over a few classes.</summary>
    public static string File(IReadOnlyList<string> chains, Random random)
    {
        var text = new StringBuilder(Usings);
        foreach (var group in chains.GroupBy(_ => random.Next(2)))
            text.Append(Container(group.Select(chain => Method(chain, random)), random));
        return text.ToString();
    }

    /// <summary>A class, struct or method with <c>[ProbModel(argument)]</c>: inline text.</summary>
    public static string WithAttribute(string argument, Random random)
    {
        var attribute = $"[ProbModel({argument})]";
        return random.Next(4) switch
        {
            0 => Usings + $"{attribute}\npublic static partial class Models\n{{\n}}\n",
            1 => Usings + $"namespace A\n{{\n    {attribute}\n    public partial struct Models\n    {{\n    }}\n}}\n",
            2 => Usings + $"public static class Models\n{{\n    {attribute}\n    public static ModelBuilder M2() => Model.Define(\"M2\");\n}}\n",
            _ => Usings + $"public static class Models\n{{\n    {attribute}\n    public static void Unused() {{ }}\n}}\n",
        };
    }

    private static string Method(string chain, Random random)
    {
        var name = Methods[random.Next(Methods.Length)];
        return random.Next(10) switch
        {
            0 => $"    [ProbModel]\n    public static ModelBuilder {name}() {{\n        return {chain};\n    }}\n",
            1 => $"    [ProbModel]\n    public static ModelBuilder {name}() {{\n        var m = {chain};\n        return m;\n    }}\n",
            2 => $"    [ProbModel]\n    public static ModelBuilder {name}(int k) => {chain};\n",
            3 => $"    [ProbModel]\n    public static ModelBuilder {name}<T>() => {chain};\n",
            4 => $"    [ProbModel]\n    public static object {name}() => {chain};\n",
            5 => $"    [ProbModel]\n    public static partial ModelBuilder {name}();\n",
            _ => $"    [ProbModel]\n    public static ModelBuilder {name}() => {chain};\n",
        };
    }

    private static string Container(IEnumerable<string> methods, Random random)
    {
        var name = Classes[random.Next(Classes.Length)];
        var body = Members + "\n" + string.Concat(methods);
        var type = random.Next(6) switch
        {
            0 => $"public partial struct {name}\n{{\n{body}}}\n",
            1 => $"public static class Outer\n{{\npublic static partial class {name}\n{{\n{body}}}\n}}\n",
            2 => $"public static partial class {name}<T>\n{{\n{body}}}\n",
            _ => $"public static partial class {name}\n{{\n{body}}}\n",
        };
        var space = Namespaces[random.Next(Namespaces.Length)];
        return space.Length == 0 ? type : $"namespace {space}\n{{\n{type}}}\n";
    }
}
