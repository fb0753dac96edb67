using System.Reflection;
using System.Reflection.Emit;

namespace Collab.Server.Tests.Architecture;

/// <summary>
/// Which of the server's components uses which, read from the compiled assembly: every type's
/// base type, interfaces, fields, signatures, locals, attributes and the types and members its
/// method bodies name. The compiled code is read rather than the <c>using</c>s because a fully
/// qualified name or a parent namespace needs no <c>using</c>.
/// </summary>
internal static class NamespaceDependencies
{
    private const string Root = "Collab.Server.";
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
        | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>
    /// The component a type belongs to: the folder under <c>CollabServer/</c> (<c>Chat</c>), with
    /// the storage backends as components of their own (<c>Storage.Sqlite</c>); <c>Program</c> for
    /// the global namespace; null for code the compiler or a source generator wrote in other namespaces.
    /// </summary>
    public static string? ComponentOf(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        var ns = type.Namespace;
        if (ns is null) return type.Name.StartsWith('<') ? null : "Program";
        if (!ns.StartsWith(Root, StringComparison.Ordinal)) return null;
        var parts = ns[Root.Length..].Split('.');
        return parts[0] == "Storage" && parts.Length > 1 ? $"Storage.{parts[1]}" : parts[0];
    }

    /// <summary>Each edge between two different components, with one type pair that makes it.</summary>
    public static Dictionary<(string From, string To), string> Of(Assembly assembly)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (ComponentOf(type) is not { } from) continue;
            foreach (var used in UsedBy(type))
            {
                if (used.Assembly != assembly || ComponentOf(used) is not { } to || to == from) continue;
                edges.TryAdd((from, to), $"{type.FullName} uses {used.FullName}");
            }
        }
        return edges;
    }

    /// <summary>Every type <paramref name="type"/> itself names (not those of its nested types), flattened.</summary>
    public static IEnumerable<Type> UsedBy(Type type) => Referenced(type).SelectMany(Flatten);

    private static IEnumerable<Type> Referenced(Type type)
    {
        if (type.BaseType is { } baseType) yield return baseType;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var a in type.GetCustomAttributesData()) foreach (var t in AttributeTypes(a)) yield return t;
        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
            foreach (var a in field.GetCustomAttributesData()) foreach (var t in AttributeTypes(a)) yield return t;
        }
        foreach (var property in type.GetProperties(Declared))
        {
            yield return property.PropertyType;
            foreach (var a in property.GetCustomAttributesData()) foreach (var t in AttributeTypes(a)) yield return t;
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info) yield return info.ReturnType;
            foreach (var p in method.GetParameters()) yield return p.ParameterType;
            foreach (var a in method.GetCustomAttributesData()) foreach (var t in AttributeTypes(a)) yield return t;
            foreach (var t in BodyTypes(type, method)) yield return t;
        }
    }

    private static IEnumerable<Type> AttributeTypes(CustomAttributeData attribute)
    {
        yield return attribute.AttributeType;
        foreach (var arg in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            if (arg.Value is Type t) yield return t;
    }

    private static IEnumerable<Type> BodyTypes(Type type, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null) yield break;
        foreach (var local in body.LocalVariables) yield return local.LocalType;
        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short code = il[i++];
            if (code == 0xFE) code = (short)(0xFE00 | il[i++]);
            var operand = OperandTypes[code];
            if (operand is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                foreach (var t in MemberTypes(member)) yield return t;
            }
            i += operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }

    private static IEnumerable<Type> MemberTypes(MemberInfo? member)
    {
        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType!;
                yield return f.FieldType;
                break;
            case MethodBase m:
                if (m.DeclaringType is { } declaring) yield return declaring;
                if (m is MethodInfo info)
                {
                    yield return info.ReturnType;
                    if (info.IsGenericMethod) foreach (var a in info.GetGenericArguments()) yield return a;
                }
                foreach (var p in m.GetParameters()) yield return p.ParameterType;
                break;
        }
    }

    /// <summary>A type and everything it is built from: element types, generic arguments, the declaring type of a nested one.</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()!)) yield return t;
            yield break;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var t in type.GetGenericArguments().SelectMany(Flatten)) yield return t;
            yield break;
        }
        yield return type;
    }
}
