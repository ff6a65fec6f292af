using System;
using System.Collections.Generic;
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

            Assert.Equal("cmdlet", help.Metadata["document type"]);
            Assert.Equal("PSSocketChat.dll-Help.xml", help.Metadata["external help file"]);
            Assert.Equal("PSSocketChat", help.Metadata["Module Name"]);
            Assert.Equal("2024-05-01", help.Metadata["PlatyPS schema version"]);
            Assert.Equal("en-US", help.Metadata["Locale"]);
            Assert.Equal(name, help.Metadata["title"]);
            Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", help.Metadata["ms.date"]);
            Assert.Equal(name, help.Title);
            Assert.Equal(HelpMarkdown.RequiredSections, help.SectionOrder);
            Assert.False(string.IsNullOrWhiteSpace(help.Sections["SYNOPSIS"]), "The synopsis is empty.");
            Assert.False(string.IsNullOrWhiteSpace(help.Sections["DESCRIPTION"]), "The description is empty.");
            Assert.DoesNotContain("{{", File.ReadAllText(help.Path));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Syntax_shows_each_parameter_set_with_the_default_marked(string name)
        {
            var cmdlet = CmdletSurface.Named(name);
            var help = HelpMarkdown.For(name);

            // platyPS 1.0 names the one syntax of a cmdlet without parameter sets after PowerShell's set of all parameters.
            var expected = cmdlet.ParameterSets.Count == 0
                ? (IEnumerable<string>)new[] { CmdletSurface.AllSets }
                : cmdlet.ParameterSets.Select(s => s == cmdlet.DefaultParameterSet ? s + " (Default)" : s).OrderBy(s => s);
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

                var documentedSets = documented.Blocks.SelectMany(b => b.ParameterSets).Select(s => s.Name).OrderBy(s => s);
                var actualSets = parameter.Sets.Select(s => s.SetName == CmdletSurface.AllSets ? "(All)" : s.SetName).OrderBy(s => s);
                Assert.True(actualSets.SequenceEqual(documentedSets), $"{where}: sets are {string.Join(", ", actualSets)}, documented {string.Join(", ", documentedSets)}.");

                var valueType = parameter.Type.IsArray ? parameter.Type.GetElementType()! : parameter.Type;
                var acceptedValues = valueType.IsEnum ? Enum.GetNames(valueType) : Array.Empty<string>();
                foreach (var block in documented.Blocks)
                {
                    Assert.Equal(parameter.Type.FullName, block.Type);
                    Assert.Equal(parameter.Aliases, block.Aliases);
                    Assert.Equal(parameter.SupportsWildcards, block.SupportsWildcards);
                    Assert.Equal(acceptedValues, block.AcceptedValues);
                    Assert.False(block.DontShow, $"{where} is hidden in the help but not in the cmdlet.");
                    foreach (var set in block.ParameterSets)
                    {
                        var facts = parameter.In(set.Name == "(All)" ? CmdletSurface.AllSets : set.Name);
                        Assert.True(facts.Mandatory == set.IsRequired, $"{where} in {set.Name}: IsRequired should be {facts.Mandatory}.");
                        Assert.True((facts.Position?.ToString() ?? "Named") == set.Position, $"{where} in {set.Name}: Position should be {facts.Position?.ToString() ?? "Named"}.");
                        Assert.True(facts.ByValue == set.ValueFromPipeline, $"{where} in {set.Name}: ValueFromPipeline should be {facts.ByValue}.");
                        Assert.True(facts.ByPropertyName == set.ValueFromPipelineByPropertyName, $"{where} in {set.Name}: ValueFromPipelineByPropertyName should be {facts.ByPropertyName}.");
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

            Assert.Equal("---", lines[0]);
            Assert.Contains("title: about_PSSocketChat", lines.TakeWhile((l, i) => i == 0 || l != "---"));
            Assert.Equal("# about_PSSocketChat", lines.First(l => l.StartsWith("# ")));
            foreach (var section in new[] { "## Short description", "## Long description", "## Examples", "## Troubleshooting", "## See also" })
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
