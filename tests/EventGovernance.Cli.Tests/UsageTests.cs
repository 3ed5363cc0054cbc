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
        [InlineData("derive", "--assembly")]
        public void Each_command_has_help(string command, string option)
        {
            CliResult result = CliRunner.Run(command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(option, result.Stdout);
            Assert.Contains($"eventgov {command} [options]", result.Stdout);
            Assert.Equal("", result.Stderr);
        }

        [Fact]
        public void Help_before_a_command_name_reads_as_that_commands_help()
        {
            CliResult result = CliRunner.Run("help", "check");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("eventgov check [options]", result.Stdout);
            Assert.Contains("--contracts <dir>", result.Stdout);
        }

        [Fact]
        public void Version_prints_the_informational_version_with_its_commit()
        {
            CliResult result = CliRunner.Run("--version");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(Program.Version + "\n", result.Stdout);
        }

        [Theory]
        [InlineData("chek --contracts x", "eventgov: unknown command 'chek'; did you mean 'check'? (see 'eventgov --help')")]
        [InlineData("regsiter", "eventgov: unknown command 'regsiter'; did you mean 'register'? (see 'eventgov --help')")]
        [InlineData("check --contarcts x", "eventgov: unknown option '--contarcts'; did you mean '--contracts'? (see 'eventgov check --help')")]
        [InlineData("compat --old a.json --new b.json --levl FULL", "eventgov: unknown option '--levl'; did you mean '--level'? (see 'eventgov compat --help')")]
        [InlineData("pull --registry http://127.0.0.1:1 --output x", "eventgov: unknown option '--output'; did you mean '--out'? (see 'eventgov pull --help')")]
        public void A_mistyped_command_or_option_gets_one_line_with_a_suggestion(string commandLine, string expected)
        {
            CliResult result = CliRunner.Run(commandLine.Split(' '));
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(new[] { expected }, result.StderrLines);
            Assert.Equal("", result.Stdout);
        }

        [Fact]
        public void An_argument_starting_with_an_at_sign_is_a_file_name_not_a_response_file()
        {
            using var dir = new EventGovernance.TestSupport.TempDirectory();
            string file = dir.Write("@v1.json", "{}");
            dir.Write("args.rsp", "--help");

            CliResult named = CliRunner.Run("compat", "--old", "@" + dir.Combine("args.rsp"), "--new", file);

            Assert.Equal(2, named.ExitCode);
            Assert.Contains("no such file", Assert.Single(named.StderrLines));
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
