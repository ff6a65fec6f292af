using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace PSSocketChat.Module.Tests
{
    /// <summary>
    /// A cmdlet's help page in platyPS 1.0 markdown (schema 2024-05-01), read into the parts platyPS turns into MAML:
    /// metadata, sections, syntax sets, examples, parameters with their yaml facts, inputs and outputs.
    /// </summary>
    internal sealed class HelpMarkdown
    {
        private HelpMarkdown(string path)
        {
            Path = path;
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var header = Regex.Match(text, @"\A---\n(.*?)\n---\n", RegexOptions.Singleline);
            Metadata = header.Success
                ? header.Groups[1].Value.Split('\n').Select(l => l.Split(new[] { ':' }, 2)).Where(p => p.Length == 2)
                    .ToDictionary(p => p[0].Trim(), p => p[1].Trim())
                : new Dictionary<string, string>();
            var body = header.Success ? text.Substring(header.Length) : text;

            Title = Regex.Match(body, @"^# (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();
            Sections = SplitByHeading(body, "## ").ToDictionary(s => s.Heading, s => s.Body);
            SectionOrder = SplitByHeading(body, "## ").Select(s => s.Heading).ToList();

            SyntaxSets = Subheadings("SYNTAX").Select(h => h.Heading).ToList();
            Examples = Subheadings("EXAMPLES").Select(h => new HelpExample(h.Heading, h.Body)).ToList();
            Parameters = Subheadings("PARAMETERS").Where(h => h.Heading.StartsWith("-")).Select(h => new HelpParameter(h.Heading.Substring(1), h.Body)).ToList();
            HasCommonParameters = Subheadings("PARAMETERS").Any(h => h.Heading == "CommonParameters");
            Inputs = Subheadings("INPUTS").Select(h => h.Heading).ToList();
            Outputs = Subheadings("OUTPUTS").Select(h => h.Heading).ToList();
        }

        public static readonly string[] RequiredSections =
            { "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

        public string Path { get; }

        public IReadOnlyDictionary<string, string> Metadata { get; }

        public string Title { get; }

        public IReadOnlyDictionary<string, string> Sections { get; }

        public IReadOnlyList<string> SectionOrder { get; }

        public IReadOnlyList<string> SyntaxSets { get; }

        public IReadOnlyList<HelpExample> Examples { get; }

        public IReadOnlyList<HelpParameter> Parameters { get; }

        public bool HasCommonParameters { get; }

        public IReadOnlyList<string> Inputs { get; }

        public IReadOnlyList<string> Outputs { get; }

        public static HelpMarkdown For(string cmdletName) => new HelpMarkdown(Repository.PathOf("docs", "en-US", cmdletName + ".md"));

        private IEnumerable<(string Heading, string Body)> Subheadings(string section) =>
            Sections.TryGetValue(section, out var body) ? SplitByHeading(body, "### ") : Enumerable.Empty<(string, string)>();

        /// <summary>Splits text at headings of one level, ignoring lines inside code fences.</summary>
        private static IEnumerable<(string Heading, string Body)> SplitByHeading(string text, string marker)
        {
            string? heading = null;
            var body = new List<string>();
            var inFence = false;
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("```"))
                {
                    inFence = !inFence;
                }

                if (!inFence && line.StartsWith(marker) && !line.StartsWith(marker + "#"))
                {
                    if (heading != null)
                    {
                        yield return (heading, string.Join("\n", body));
                    }

                    heading = line.Substring(marker.Length).Trim();
                    body.Clear();
                }
                else if (heading != null && !(marker == "### " && !inFence && line.StartsWith("## ")))
                {
                    body.Add(line);
                }
            }

            if (heading != null)
            {
                yield return (heading, string.Join("\n", body));
            }
        }
    }

    internal sealed class HelpExample
    {
        public HelpExample(string title, string body)
        {
            Title = title;
            Code = Regex.Matches(body, @"```powershell\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        }

        public string Title { get; }

        public IReadOnlyList<string> Code { get; }
    }

    internal sealed class HelpParameter
    {
        // Unknown keys fail the read: a misspelt fact would otherwise be silently missing from the help.
        private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

        public HelpParameter(string name, string body)
        {
            Name = name;
            Blocks = Regex.Matches(body, @"```yaml\n(.*?)```", RegexOptions.Singleline)
                .Select(m => Yaml.Deserialize<ParameterFacts>(m.Groups[1].Value))
                .ToList();
            Description = Regex.Replace(body, @"```.*?```", "", RegexOptions.Singleline).Trim();
        }

        public string Name { get; }

        public string Description { get; }

        public IReadOnlyList<ParameterFacts> Blocks { get; }
    }

    /// <summary>The yaml block of a parameter in platyPS 1.0 markdown.</summary>
    internal sealed class ParameterFacts
    {
        public string Type { get; set; } = "";

        public string DefaultValue { get; set; } = "";

        public bool SupportsWildcards { get; set; }

        public List<string> Aliases { get; set; } = new List<string>();

        public List<ParameterSetYaml> ParameterSets { get; set; } = new List<ParameterSetYaml>();

        public bool DontShow { get; set; }

        public List<string> AcceptedValues { get; set; } = new List<string>();

        public string HelpMessage { get; set; } = "";
    }

    internal sealed class ParameterSetYaml
    {
        public string Name { get; set; } = "";

        public string Position { get; set; } = "";

        public bool IsRequired { get; set; }

        public bool ValueFromPipeline { get; set; }

        public bool ValueFromPipelineByPropertyName { get; set; }

        public bool ValueFromRemainingArguments { get; set; }
    }
}
