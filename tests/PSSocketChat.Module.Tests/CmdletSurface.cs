using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PSSocketChat.Commands;

namespace PSSocketChat.Module.Tests
{
    /// <summary>
    /// The module's cmdlets as PowerShell would see them, read from attribute data: the stub
    /// System.Management.Automation returns defaults from instantiated attributes, so nothing here instantiates one.
    /// </summary>
    internal sealed class CmdletSurface
    {
        public const string AllSets = "__AllParameterSets";

        public static readonly Assembly ModuleAssembly = typeof(SocketCmdlet).Assembly;

        public static readonly IReadOnlyList<CmdletSurface> All = ModuleAssembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t))
            .Select(t => new CmdletSurface(t))
            .OrderBy(c => c.Name)
            .ToList();

        private CmdletSurface(Type type)
        {
            Type = type;
            var cmdlet = type.GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute));
            Verb = (string)cmdlet.ConstructorArguments[0].Value!;
            Noun = (string)cmdlet.ConstructorArguments[1].Value!;
            SupportsShouldProcess = Named(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess)) is true;
            DefaultParameterSet = Named(cmdlet, nameof(CmdletAttribute.DefaultParameterSetName)) as string;
            OutputTypes = type.GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(OutputTypeAttribute))
                .SelectMany(a => ((ReadOnlyCollection<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(t => (Type)t.Value!))
                .Distinct()
                .ToList();
            Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttributesData().Any(a => a.AttributeType == typeof(ParameterAttribute)))
                .Select(p => new ParameterSurface(p))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ToList();
        }

        public Type Type { get; }

        public string Verb { get; }

        public string Noun { get; }

        public string Name => $"{Verb}-{Noun}";

        public bool SupportsShouldProcess { get; }

        public string? DefaultParameterSet { get; }

        public IReadOnlyList<Type> OutputTypes { get; }

        public IReadOnlyList<ParameterSurface> Parameters { get; }

        /// <summary>
        /// The named parameter sets, empty when every parameter is in all sets. Like PowerShell, it counts the default
        /// set even when no parameter names it: that set holds just the parameters that are in all sets.
        /// </summary>
        public IReadOnlyList<string> ParameterSets
        {
            get
            {
                var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != AllSets).ToList();
                if (named.Count > 0 && DefaultParameterSet != null)
                {
                    named.Add(DefaultParameterSet);
                }

                return named.Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
            }
        }

        public ParameterSurface Parameter(string name) => Parameters.Single(p => p.Name == name);

        public static CmdletSurface Named(string name) => All.Single(c => c.Name == name);

        internal static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();
    }

    internal sealed class ParameterSurface
    {
        public ParameterSurface(PropertyInfo property)
        {
            Property = property;
            var attributes = property.GetCustomAttributesData();
            Sets = attributes.Where(a => a.AttributeType == typeof(ParameterAttribute)).Select(a => new ParameterSetFacts(
                CmdletSurface.Named(a, nameof(ParameterAttribute.ParameterSetName)) as string ?? CmdletSurface.AllSets,
                CmdletSurface.Named(a, nameof(ParameterAttribute.Mandatory)) is true,
                CmdletSurface.Named(a, nameof(ParameterAttribute.Position)) as int?,
                CmdletSurface.Named(a, nameof(ParameterAttribute.ValueFromPipeline)) is true,
                CmdletSurface.Named(a, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)) is true)).ToList();
            Aliases = attributes.Where(a => a.AttributeType == typeof(AliasAttribute))
                .SelectMany(a => ((ReadOnlyCollection<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!))
                .ToList();
            SupportsWildcards = attributes.Any(a => a.AttributeType == typeof(SupportsWildcardsAttribute));
            Completer = attributes.Where(a => a.AttributeType == typeof(ArgumentCompleterAttribute))
                .Select(a => a.ConstructorArguments[0].Value as Type).FirstOrDefault();
        }

        public PropertyInfo Property { get; }

        public string Name => Property.Name;

        public Type Type => Property.PropertyType;

        public IReadOnlyList<ParameterSetFacts> Sets { get; }

        public IReadOnlyList<string> Aliases { get; }

        public bool SupportsWildcards { get; }

        public Type? Completer { get; }

        public ParameterSetFacts In(string set) => Sets.Single(s => s.SetName == set || s.SetName == CmdletSurface.AllSets);
    }

    internal sealed record ParameterSetFacts(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);
}
