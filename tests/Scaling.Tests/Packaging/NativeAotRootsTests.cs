using System.Reflection;
using System.Xml.Linq;

namespace Scaling.Tests.Packaging;

/// <summary>
/// src/Cli/NativeAot.rd.xml roots T[] for every enum of the report's libraries (their Enum.GetValues(Type) needs it under
/// Native AOT); a package upgrade that adds an enum must add its array there too, or <c>scaling report</c> of the
/// installed tool could fail on it.
/// </summary>
public class NativeAotRootsTests
{
    [Theory]
    [InlineData("DocumentFormat.OpenXml")]
    [InlineData("ClosedXML")]
    [InlineData("OxyPlot")]
    public void RdXml_RootsTheArrayOfEveryEnumOfTheLibrary(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var enums = LoadableTypes(assembly).Where(t => t.IsEnum && !t.ContainsGenericParameters).Select(t => t.FullName + "[]").ToHashSet();
        Assert.NotEmpty(enums);
        var directives = XDocument.Load(RepositoryFiles.Path("src/Cli/NativeAot.rd.xml"));
        var rooted = directives.Descendants().Where(e => e.Name.LocalName == "Assembly" && (string?)e.Attribute("Name") == assemblyName)
            .SelectMany(a => a.Elements().Where(e => e.Name.LocalName == "Type"))
            .Select(e => (string)e.Attribute("Name")!)
            .ToHashSet();
        Assert.Empty(enums.Except(rooted));
        Assert.Empty(rooted.Except(enums));
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
