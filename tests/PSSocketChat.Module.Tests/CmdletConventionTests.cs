using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using PSSocketChat.Commands;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    public class CmdletConventionTests
    {
        private static readonly HashSet<string> ApprovedVerbs = new[]
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        }.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        public static TheoryData<string> CmdletNames => new TheoryData<string>(CmdletSurface.All.Select(c => c.Name));

        [Fact]
        public void The_module_has_the_cmdlets_the_product_promises()
        {
            Assert.Equal(
                new[]
                {
                    "Close-SocketConnection", "Connect-SocketServer", "Enter-SocketChat", "Get-SocketConnection", "Get-SocketServer",
                    "Receive-SocketMessage", "Send-SocketMessage", "Start-SocketServer", "Stop-SocketServer",
                },
                CmdletSurface.All.Select(c => c.Name));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Every_cmdlet_uses_an_approved_verb_and_a_Socket_noun(string name)
        {
            var cmdlet = CmdletSurface.Named(name);

            Assert.True(ApprovedVerbs.Count > 50, "The approved verb list could not be read.");
            Assert.Contains(cmdlet.Verb, ApprovedVerbs);
            Assert.StartsWith("Socket", cmdlet.Noun);
            Assert.Equal(cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.Type.Name);
            Assert.True(typeof(SocketCmdlet).IsAssignableFrom(cmdlet.Type), "Every cmdlet takes its cancellation and error handling from SocketCmdlet.");
        }

        [Theory]
        [InlineData("Start-SocketServer")]
        [InlineData("Stop-SocketServer")]
        [InlineData("Close-SocketConnection")]
        public void Cmdlets_that_open_or_close_things_support_WhatIf_and_Confirm(string name)
        {
            Assert.True(CmdletSurface.Named(name).SupportsShouldProcess);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Parameter_sets_are_consistent(string name)
        {
            var cmdlet = CmdletSurface.Named(name);

            if (cmdlet.ParameterSets.Count > 0)
            {
                Assert.Contains(cmdlet.DefaultParameterSet, cmdlet.ParameterSets);
            }

            foreach (var set in cmdlet.ParameterSets.DefaultIfEmpty(CmdletSurface.AllSets))
            {
                var inSet = cmdlet.Parameters.Where(p => p.Sets.Any(s => s.SetName == set || s.SetName == CmdletSurface.AllSets)).ToList();
                var positions = inSet.Select(p => p.In(set).Position).Where(p => p.HasValue).ToList();
                Assert.Equal(positions.Distinct().Count(), positions.Count);
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Every_cmdlet_that_writes_objects_declares_them(string name)
        {
            var cmdlet = CmdletSurface.Named(name);

            if (name == "Enter-SocketChat")
            {
                Assert.Empty(cmdlet.OutputTypes);
                return;
            }

            Assert.NotEmpty(cmdlet.OutputTypes);
            Assert.All(cmdlet.OutputTypes, t => Assert.Equal("PSSocketChat", t.Namespace));
        }

        [Fact]
        public void Send_takes_lines_by_value_and_a_received_message_by_property_name()
        {
            var send = CmdletSurface.Named("Send-SocketMessage");
            var connection = send.Parameter("Connection").In(CmdletSurface.AllSets);
            var message = send.Parameter("Message");

            Assert.Equal("Text", send.DefaultParameterSet);
            Assert.Equal((0, true, true), (connection.Position, connection.ByValue, connection.ByPropertyName));
            Assert.Equal((1, true, true), (message.In("Text").Position, message.In("Text").ByValue, message.In("Text").ByPropertyName));
            Assert.Contains("Text", message.Aliases);
            Assert.Equal(typeof(string[]), message.Type);
            Assert.NotNull(typeof(SocketMessage).GetProperty(nameof(SocketMessage.Connection)));
            Assert.NotNull(typeof(SocketMessage).GetProperty("Text"));
        }

        [Fact]
        public void Send_takes_bytes_by_name_or_from_the_pipeline_in_a_set_of_their_own()
        {
            var send = CmdletSurface.Named("Send-SocketMessage");
            var bytes = send.Parameter("Bytes");

            Assert.Equal(new[] { "Bytes", "Text" }, send.ParameterSets);
            Assert.Equal(typeof(byte[]), bytes.Type);
            Assert.Equal((true, (int?)null, true, true), (bytes.In("Bytes").Mandatory, bytes.In("Bytes").Position, bytes.In("Bytes").ByValue, bytes.In("Bytes").ByPropertyName));
            Assert.Contains(bytes.Property.GetCustomAttributesData(), a => a.AttributeType == typeof(PSSocketChat.Module.PipedBytesTransformationAttribute));
        }

        [Fact]
        public void Receive_takes_a_connection_or_a_server_positionally_or_from_the_pipeline()
        {
            var receive = CmdletSurface.Named("Receive-SocketMessage");

            Assert.Equal(new[] { "Connection", "Server" }, receive.ParameterSets);
            foreach (var (parameter, set) in new[] { ("Connection", "Connection"), ("Server", "Server") })
            {
                var facts = receive.Parameter(parameter).In(set);
                Assert.True(facts.Mandatory && facts.ByValue && facts.Position == 0, $"{parameter} should be mandatory, positional and piped.");
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Parameters_that_take_open_objects_or_their_names_complete_them(string name)
        {
            foreach (var parameter in CmdletSurface.Named(name).Parameters)
            {
                var elementType = parameter.Type.IsArray ? parameter.Type.GetElementType() : parameter.Type;
                var takesOpenThing = elementType == typeof(SocketConnection) || elementType == typeof(SocketServer)
                    || (name != "Start-SocketServer" && name != "Connect-SocketServer" && (parameter.Name == "Name" || parameter.Name == "Id"));
                if (takesOpenThing || parameter.Name == "Encoding")
                {
                    Assert.True(parameter.Completer != null, $"{name} -{parameter.Name} has no argument completer.");
                    Assert.True(typeof(IArgumentCompleter).IsAssignableFrom(parameter.Completer));
                    Assert.NotNull(parameter.Completer!.GetConstructor(Type.EmptyTypes));
                }
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Name_parameters_that_select_open_things_accept_wildcards(string name)
        {
            var cmdlet = CmdletSurface.Named(name);
            var names = cmdlet.Parameters.Where(p => p.Name == "Name" && p.Type == typeof(string[])).ToList();

            Assert.All(names, p => Assert.True(p.SupportsWildcards, $"{name} -Name"));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Text_parameters_fed_from_the_pipeline_refuse_the_modules_objects(string name)
        {
            // Otherwise PowerShell turns a piped connection into its ToString() and sends or resolves that.
            var piped = CmdletSurface.Named(name).Parameters
                .Where(p => (p.Type == typeof(string) || p.Type == typeof(string[])) && p.Sets.Any(s => s.ByValue));

            foreach (var parameter in piped)
            {
                Assert.True(
                    parameter.Property.GetCustomAttributesData().Any(a => a.AttributeType == typeof(PSSocketChat.Module.PlainTextTransformationAttribute)),
                    $"{name} -{parameter.Name} takes text from the pipeline without PlainTextTransformation.");
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Timeout_parameters_take_seconds_or_a_TimeSpan(string name)
        {
            foreach (var parameter in CmdletSurface.Named(name).Parameters.Where(p => p.Type == typeof(TimeSpan)))
            {
                Assert.Contains(parameter.Property.GetCustomAttributesData(), a => a.AttributeType == typeof(PSSocketChat.Module.TimeoutTransformationAttribute));
            }
        }
    }
}
