namespace EventGovernance.Cli.Tests
{
    public class UsageTests
    {
        [Fact]
        public void No_command_is_one_line_on_stderr_and_exits_2()
        {
            CliResult result = CliRunner.Run();
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(new[] { "eventgov: no command given (see 'eventgov --help')" }, result.StderrLines);
            Assert.Equal("", result.Stdout);
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        [InlineData("help")]
        public void Help_prints_usage_on_stdout_and_exits_0(string flag)
        {
            CliResult result = CliRunner.Run(flag);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("compat", result.Stdout);
            Assert.Contains("register", result.Stdout);
        }

        [Theory]
        [InlineData("compat", "--old")]
        [InlineData("check", "--contracts")]
        [InlineData("register", "--registry")]
        [InlineData("pull", "--out")]
        public void Each_command_has_help(string command, string option)
        {
            CliResult result = CliRunner.Run(command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(option, result.Stdout);
        }

        [Fact]
        public void An_unknown_command_is_bad_usage()
        {
            CliResult result = CliRunner.Run("frobnicate");
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(new[] { "eventgov: unknown command 'frobnicate' (see 'eventgov --help')" }, result.StderrLines);
        }

        [Theory]
        [InlineData("compat --old a.json --new b.json --bogus 1", "unknown option '--bogus'")]
        [InlineData("compat --old a.json", "option '--new' is required")]
        [InlineData("compat --new b.json", "option '--old' is required")]
        [InlineData("compat --old a.json --new b.json --level SIDEWAYS", "option '--level' must be")]
        [InlineData("compat --old a.json --new b.json --format xml", "option '--format' must be one of text, json")]
        [InlineData("compat --old a.json --new b.json --policy loose", "option '--policy' must be one of strict, lenient")]
        [InlineData("compat --old a.txt --new b.txt", "cannot tell the schema type of 'b.txt'")]
        [InlineData("compat --old a.json --new b.json --type xml", "option '--type' must be json, avro or protobuf")]
        [InlineData("compat --old a.json --new", "option '--new' needs a value")]
        [InlineData("compat stray --old a.json --new b.json", "unexpected argument 'stray'")]
        [InlineData("compat --old a.json --new b.json --root no-such-root-dir", "option '--root': no such directory 'no-such-root-dir'")]
        [InlineData("compat --old a.proto --new b.proto --proto-path no-such-include-dir", "option '--proto-path': no such directory 'no-such-include-dir'")]
        [InlineData("check --timeout zero", "option '--timeout' must be a positive number")]
        [InlineData("check --contracts a --contracts b", "may be given only once")]
        [InlineData("pull --registry http://127.0.0.1:1", "option '--out' is required")]
        public void Bad_usage_exits_2_with_one_line_naming_the_problem(string commandLine, string problem)
        {
            CliResult result = CliRunner.Run(commandLine.Split(' '));
            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains(problem, line);
            Assert.Contains($"(see 'eventgov {commandLine.Split(' ')[0]} --help')", line);
            Assert.Equal("", result.Stdout);
        }
    }
}
