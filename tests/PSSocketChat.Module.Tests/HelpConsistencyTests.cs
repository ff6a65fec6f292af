using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    /// <summary>
    /// docs/en-US against the assembly: every cmdlet and parameter documented with the facts PowerShell will show,
    /// nothing documented that does not exist, and examples that only name real cmdlets.
    /// </summary>
    public class HelpConsistencyTests
    {
        private static readonly string[] YamlKeys =
            { "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters", "Applicable" };

        public static TheoryData<string> CmdletNames => new TheoryData<string>(CmdletSurface.All.Select(c => c.Name));

        [Fact]
        public void Every_help_page_is_for_a_cmdlet_and_every_cmdlet_has_one()
        {
            var pages = Directory.GetFiles(Repository.PathOf("docs", "en-US"), "*-*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n);

            Assert.Equal(CmdletSurface.All.Select(c => c.Name), pages);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void The_page_has_the_platyPS_header_and_sections_in_order(string name)
        {
            var help = HelpMarkdown.For(name);

            Assert.Equal("PSSocketChat.dll-Help.xml", help.Metadata["external help file"]);
            Assert.Equal("PSSocketChat", help.Metadata["Module Name"]);
            Assert.Equal("2.0.0", help.Metadata["schema"]);
            Assert.Equal(name, help.Title);
            Assert.Equal(HelpMarkdown.RequiredSections, help.SectionOrder);
            Assert.False(string.IsNullOrWhiteSpace(help.Sections["SYNOPSIS"]), "The synopsis is empty.");
            Assert.False(string.IsNullOrWhiteSpace(help.Sections["DESCRIPTION"]), "The description is empty.");
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Syntax_shows_each_parameter_set_with_the_default_marked(string name)
        {
            var cmdlet = CmdletSurface.Named(name);
            var help = HelpMarkdown.For(name);

            var expected = cmdlet.ParameterSets.Select(s => s == cmdlet.DefaultParameterSet ? s + " (Default)" : s).OrderBy(s => s);
            Assert.Equal(expected, help.SyntaxSets.OrderBy(s => s));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Every_parameter_is_documented_and_nothing_else_is(string name)
        {
            var cmdlet = CmdletSurface.Named(name);
            var help = HelpMarkdown.For(name);

            var expected = cmdlet.Parameters.Select(p => p.Name)
                .Concat(cmdlet.SupportsShouldProcess ? new[] { "Confirm", "WhatIf" } : Array.Empty<string>())
                .OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(expected, help.Parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.True(help.HasCommonParameters, "The CommonParameters section is missing.");
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Each_parameter_has_its_type_sets_and_binding_facts(string name)
        {
            var cmdlet = CmdletSurface.Named(name);
            var help = HelpMarkdown.For(name);

            foreach (var parameter in cmdlet.Parameters)
            {
                var documented = help.Parameters.Single(p => p.Name == parameter.Name);
                var where = $"{name} -{parameter.Name}";
                Assert.False(string.IsNullOrWhiteSpace(documented.Description), $"{where} has no description.");
                Assert.NotEmpty(documented.Blocks);

                var documentedSets = documented.Blocks.SelectMany(b => b["Parameter Sets"].Split(',').Select(s => s.Trim())).OrderBy(s => s);
                var actualSets = parameter.Sets.Select(s => s.SetName == CmdletSurface.AllSets ? "(All)" : s.SetName).OrderBy(s => s);
                Assert.True(actualSets.SequenceEqual(documentedSets), $"{where}: sets are {string.Join(", ", actualSets)}, documented {string.Join(", ", documentedSets)}.");

                foreach (var block in documented.Blocks)
                {
                    Assert.All(block.Keys, key => Assert.Contains(key, YamlKeys));
                    Assert.Equal(parameter.Type.Name, block["Type"]);
                    Assert.Equal(string.Join(", ", parameter.Aliases), block["Aliases"]);
                    Assert.Equal(parameter.SupportsWildcards ? "True" : "False", block["Accept wildcard characters"]);
                    foreach (var set in block["Parameter Sets"].Split(',').Select(s => s.Trim()))
                    {
                        var facts = parameter.In(set == "(All)" ? CmdletSurface.AllSets : set);
                        Assert.True(facts.Mandatory.ToString() == block["Required"], $"{where} in {set}: Required should be {facts.Mandatory}.");
                        Assert.True((facts.Position?.ToString() ?? "Named") == block["Position"], $"{where} in {set}: Position should be {facts.Position?.ToString() ?? "Named"}.");
                        Assert.True(facts.PipelineText == block["Accept pipeline input"], $"{where} in {set}: pipeline input should be {facts.PipelineText}.");
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void There_are_at_least_two_examples_naming_only_real_cmdlets(string name)
        {
            var help = HelpMarkdown.For(name);
            var known = CmdletSurface.All.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

            Assert.True(help.Examples.Count >= 2, $"{name} has {help.Examples.Count} example(s).");
            foreach (var example in help.Examples)
            {
                Assert.True(example.Code.Count > 0, $"{name}: example '{example.Title}' has no powershell code block.");
                foreach (Match used in Regex.Matches(string.Join("\n", example.Code), @"\b[A-Z][a-z]+-Socket\w+"))
                {
                    Assert.True(known.Contains(used.Value), $"{name}: example '{example.Title}' uses {used.Value}, which is not a cmdlet.");
                }

                Assert.Contains(name, string.Join("\n", example.Code), StringComparison.OrdinalIgnoreCase);
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Outputs_name_the_declared_output_types(string name)
        {
            var cmdlet = CmdletSurface.Named(name);
            var help = HelpMarkdown.For(name);

            var expected = cmdlet.OutputTypes.Count == 0 ? new[] { "None" } : cmdlet.OutputTypes.Select(t => t.FullName!).ToArray();
            Assert.Equal(expected.OrderBy(t => t), help.Outputs.OrderBy(t => t));
            Assert.NotEmpty(help.Inputs);
        }

        [Fact]
        public void The_about_topic_is_in_platyPS_about_form()
        {
            var lines = File.ReadAllLines(Repository.PathOf("docs", "en-US", "about_PSSocketChat.help.md"));

            Assert.Equal("## about_PSSocketChat", lines.First(l => l.StartsWith("## ")));
            foreach (var section in new[] { "# SHORT DESCRIPTION", "# LONG DESCRIPTION", "# EXAMPLES", "# TROUBLESHOOTING NOTE", "# SEE ALSO" })
            {
                Assert.Contains(section, lines);
            }

            foreach (var cmdlet in CmdletSurface.All)
            {
                Assert.Contains(lines, l => l.Contains(cmdlet.Name));
            }
        }
    }
}
