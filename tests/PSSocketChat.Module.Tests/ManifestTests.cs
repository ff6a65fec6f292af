using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    /// <summary>PSSocketChat.psd1 against the assembly and the repository: what it exports, loads and claims.</summary>
    public class ManifestTests
    {
        private static readonly string Manifest = Repository.Read("PSSocketChat.psd1");

        [Fact]
        public void CmdletsToExport_lists_exactly_the_cmdlet_classes_without_wildcards()
        {
            var exported = ListOf("CmdletsToExport");

            Assert.Equal(CmdletSurface.All.Select(c => c.Name).OrderBy(n => n), exported.OrderBy(n => n));
            Assert.DoesNotContain(exported, n => n.Contains('*'));
        }

        [Theory]
        [InlineData("FunctionsToExport")]
        [InlineData("VariablesToExport")]
        [InlineData("AliasesToExport")]
        public void Nothing_else_is_exported(string key)
        {
            Assert.Empty(ListOf(key));
        }

        [Fact]
        public void The_module_version_is_the_build_version()
        {
            var props = XDocument.Load(Repository.PathOf("Directory.Build.props"));
            var version = props.Descendants("Version").Single().Value;

            Assert.Equal(version, Value("ModuleVersion"));
        }

        [Fact]
        public void It_loads_in_Windows_PowerShell_51_and_PowerShell_7()
        {
            Assert.Equal(new[] { "Desktop", "Core" }, ListOf("CompatiblePSEditions"));
            Assert.Equal("5.1", Value("PowerShellVersion"));
            Assert.True(Guid.TryParse(Value("GUID"), out var guid) && guid != Guid.Empty);
            Assert.False(string.IsNullOrWhiteSpace(Value("Description")));
            Assert.NotEmpty(ListOf("Tags"));
            Assert.DoesNotContain("TODO", Manifest, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("example.com", Manifest, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void The_files_it_names_are_the_ones_the_build_ships()
        {
            Assert.Equal("PSSocketChat.psm1", Value("RootModule"));
            Assert.True(System.IO.File.Exists(Repository.PathOf("src", "PSSocketChat", "PSSocketChat.psm1")));
            Assert.Equal(new[] { "PSSocketChat.format.ps1xml" }, ListOf("FormatsToProcess"));
            Assert.True(System.IO.File.Exists(Repository.PathOf("src", "PSSocketChat", "PSSocketChat.format.ps1xml")));
            Assert.Equal(new[] { typeof(SocketServer).Assembly.GetName().Name + ".dll" }, ListOf("RequiredAssemblies"));
        }

        [Fact]
        public void The_root_module_imports_the_cmdlets_and_closes_everything_on_removal()
        {
            var psm1 = string.Join("\n", Repository.Read("src", "PSSocketChat", "PSSocketChat.psm1").Split('\n').Where(l => !l.TrimStart().StartsWith("#")));

            Assert.Contains("'PSSocketChat.dll'", psm1);
            Assert.Contains("$ExecutionContext.SessionState.Module.OnRemove", psm1);
            // Each runspace says it imported the module, and its removal closes what it opened (the last, everything).
            Assert.Contains($"[{typeof(ModuleState).FullName}]::{nameof(ModuleState.Imported)}([runspace]::DefaultRunspace.InstanceId)", psm1);
            Assert.Contains($"[{typeof(ModuleState).FullName}]::{nameof(ModuleState.Removed)}([runspace]::DefaultRunspace.InstanceId)", psm1);
            Assert.DoesNotContain("Export-ModuleMember", psm1);
        }

        private static string Value(string key)
        {
            var match = Regex.Match(Manifest, $@"^\s*{key}\s*=\s*'([^']*)'", RegexOptions.Multiline);
            Assert.True(match.Success, $"{key} is not set in PSSocketChat.psd1.");
            return match.Groups[1].Value;
        }

        private static string[] ListOf(string key)
        {
            var match = Regex.Match(Manifest, $@"^\s*{key}\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
            Assert.True(match.Success, $"{key} is not a list in PSSocketChat.psd1.");
            return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        }
    }
}
