using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli
{
    /// <summary>
    /// Colours text lines by their tone: failures red, passes green, notices yellow. Only text on a terminal is
    /// coloured (see <see cref="CliContext.UsesColour"/>); JSON, SARIF, Markdown and GitHub output never are.
    /// </summary>
    internal sealed class Palette
    {
        private const string Red = "\u001b[31m";
        private const string Green = "\u001b[32m";
        private const string Yellow = "\u001b[33m";
        private const string Reset = "\u001b[0m";

        public static readonly Palette Plain = new Palette(coloured: false);
        public static readonly Palette Ansi = new Palette(coloured: true);

        private readonly bool _coloured;

        private Palette(bool coloured) => _coloured = coloured;

        public string Paint(string text, TextTone tone)
        {
            if (!_coloured) return text;
            string? code = tone switch
            {
                TextTone.Bad => Red,
                TextTone.Good => Green,
                TextTone.Notice => Yellow,
                _ => null,
            };
            return code == null ? text : code + text + Reset;
        }
    }
}
