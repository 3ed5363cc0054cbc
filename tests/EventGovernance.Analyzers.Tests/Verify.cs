using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EventGovernance.Analyzers.Tests;

/// <summary>Runs one analyzer over sources whose expected diagnostics are marked inline as {|EG0001:text|}.</summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, ReferenceAssemblies references, params DiagnosticResult[] expected) =>
        AnalyzerAsync(new[] { source }, references, editorConfig: null, expected);

    public static async Task AnalyzerAsync(string[] sources, ReferenceAssemblies references, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = references };
        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);
}

/// <summary>Runs an analyzer and its code fix, including Fix All, against expected output.</summary>
public static class VerifyFix<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="compilerDiagnostics">
    /// Which compiler diagnostics the fixed code is checked for; <see cref="CompilerDiagnostics.Warnings"/> proves a
    /// fix adds no warning (a warnings-as-errors build would break on it).
    /// </param>
    public static async Task CodeFixAsync(string source, string fixedSource, ReferenceAssemblies? references = null, int? iterations = null,
        CompilerDiagnostics compilerDiagnostics = CompilerDiagnostics.Errors)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = references ?? Brokers.None,
            TestCode = source,
            FixedCode = fixedSource,
            // EG0004 is reported when the compilation ends, so its diagnostics are not document-local;
            // the fix still applies to them (after a build or with full-solution analysis).
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            CompilerDiagnostics = compilerDiagnostics,
        };
        if (compilerDiagnostics >= CompilerDiagnostics.Warnings)
        {
            // The test compilation documents public members (CS1591); that noise is the harness's, not the fix's.
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CS1591.severity = none\n"));
        }

        if (iterations != null)
        {
            test.NumberOfFixAllIterations = iterations;
            test.NumberOfIncrementalIterations = iterations;
        }

        await test.RunAsync();
    }
}
