using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace PSSocketChat.Module.Tests
{
    public class FormatViewTests
    {
        private static readonly XDocument Views = XDocument.Load(Repository.PathOf("src", "PSSocketChat", "PSSocketChat.format.ps1xml"));

        public static TheoryData<string> OutputTypeNames => new TheoryData<string>(
            CmdletSurface.All.SelectMany(c => c.OutputTypes).Select(t => t.FullName!).Distinct());

        [Theory]
        [MemberData(nameof(OutputTypeNames))]
        public void Every_output_type_has_a_table_view_whose_columns_exist(string typeName)
        {
            var view = Views.Descendants("View").SingleOrDefault(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeName);
            Assert.True(view != null, $"No view for {typeName} in PSSocketChat.format.ps1xml.");

            var table = view!.Element("TableControl")!;
            var headers = table.Descendants("TableColumnHeader").ToList();
            var items = table.Descendants("TableColumnItem").ToList();
            Assert.Equal(headers.Count, items.Count);

            var type = typeof(SocketServer).Assembly.GetType(typeName)!;
            foreach (var property in items.Select(i => i.Element("PropertyName")?.Value).Where(p => p != null))
            {
                Assert.True(type.GetProperty(property!) != null, $"{typeName} has no property {property}.");
            }

            foreach (var (header, item) in headers.Zip(items))
            {
                Assert.True(header.Element("Label") != null || item.Element("PropertyName") != null, "A script block column needs a label.");
            }
        }

        [Theory]
        [InlineData("PSSocketChat.SocketMessage", "Time", "From", "Text")]
        [InlineData("PSSocketChat.SocketServer", "Name", "Endpoint", "State", "Clients", "Messages")]
        public void The_views_show_the_columns_users_look_for(string typeName, params string[] labels)
        {
            var view = Views.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeName);
            var shown = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")?.Value).ToList();

            Assert.All(labels, label => Assert.Contains(label, shown));
        }

        [Fact]
        public void Script_block_columns_use_properties_that_exist()
        {
            foreach (var view in Views.Descendants("View"))
            {
                var type = typeof(SocketServer).Assembly.GetType(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value)!;
                foreach (var script in view.Descendants("ScriptBlock").Select(s => s.Value))
                {
                    var property = System.Text.RegularExpressions.Regex.Match(script, @"\$_\.(\w+)").Groups[1].Value;
                    Assert.True(type.GetProperty(property) != null, $"{type.Name} has no property {property} (used by {script}).");
                }
            }
        }
    }
}
