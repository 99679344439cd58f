using System.Collections.Generic;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Planning;

/// <summary>
/// One model's plan: one <see cref="GuidePlan"/> per guide, the generated file's hint name, and whether networks on
/// several inputs project each input at its own shape (hoisting, the default) or concatenate them broadcast.
/// </summary>
public sealed record ModelPlan(ModelIr Model, IReadOnlyList<GuidePlan> Guides, string HintName, bool Hoisting);
