namespace ProbDsl.Dsl.Ir;

/// <summary>A parsed source file: one or more models.</summary>
public sealed record ProgramIr(EquatableArray<ModelIr> Models);
