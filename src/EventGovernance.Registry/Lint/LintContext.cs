using System.Collections.Generic;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Lint.Shapes;

namespace EventGovernance.Registry.Lint
{
    /// <summary>Everything the lint looks at for one contract.</summary>
    public sealed class LintInput
    {
        /// <param name="contract">The contract (subject, file, format).</param>
        /// <param name="schema">The contract parsed by the engine, references resolved.</param>
        /// <param name="level">The subject's effective compatibility level.</param>
        /// <param name="previous">The latest registered version, parsed; null for a new subject.</param>
        /// <param name="breaking">True when the change breaks the registered version (the gate's final verdict).</param>
        public LintInput(Contract contract, ParsedSchema schema, CompatibilityLevel level, ParsedSchema? previous = null, bool breaking = false)
        {
            Contract = contract;
            Schema = schema;
            Level = level;
            Previous = previous;
            Breaking = breaking;
        }

        public Contract Contract { get; }
        public ParsedSchema Schema { get; }
        public CompatibilityLevel Level { get; }
        public ParsedSchema? Previous { get; }
        public bool Breaking { get; }
    }

    /// <summary>One lint finding, before it is placed in a report.</summary>
    public sealed class LintFinding
    {
        public LintFinding(LintRuleInfo rule, LintSeverity severity, SourceLocation? location, string message, string? path)
        {
            Rule = rule;
            Severity = severity;
            Location = location;
            Message = message;
            Path = path;
        }

        public LintRuleInfo Rule { get; }
        public LintSeverity Severity { get; }

        /// <summary>Where the element is; its file is the contract's full path (or a referenced file's).</summary>
        public SourceLocation? Location { get; }

        public string Message { get; }
        public string? Path { get; }
    }

    /// <summary>What a rule reads, and where it reports.</summary>
    public sealed class LintContext
    {
        private readonly List<LintFinding> _findings;
        private ContractShape? _shape;
        private bool _shaped;

        internal LintContext(LintInput input, LintSettings settings, List<LintFinding> findings)
        {
            Input = input;
            Settings = settings;
            Envelope = EnvelopeFields.From(settings);
            _findings = findings;
        }

        public LintInput Input { get; }
        public LintSettings Settings { get; }
        public EnvelopeFields Envelope { get; }

        /// <summary>The contract's fields, format-independent; null when it has no record or message to lint.</summary>
        public ContractShape? Shape
        {
            get
            {
                if (!_shaped)
                {
                    _shape = ContractShape.Of(Input.Schema);
                    _shaped = true;
                }
                return _shape;
            }
        }

        /// <summary>The subject in messages, cut to a sane length.</summary>
        public string Subject => Echo.Cut(Input.Contract.Subject);

        /// <summary>The contract's own file (for a finding with no better place).</summary>
        public SourceLocation ContractFile => new SourceLocation(Input.Schema.Source.Path ?? Input.Contract.FilePath, 1, 1);

        internal LintRuleInfo? Current { get; set; }
        internal LintSeverity CurrentSeverity { get; set; }

        public void Report(SourceLocation? location, string message, string? path = null) =>
            _findings.Add(new LintFinding(Current!, CurrentSeverity, location == null || location.Line <= 0 ? ContractFile : location, message, path));
    }

    /// <summary>One lint rule: looks at a contract and reports what it finds.</summary>
    public interface ILintRule
    {
        /// <summary>The rule's id in <see cref="LintRules"/>.</summary>
        string Id { get; }

        void Check(LintContext context);
    }
}
