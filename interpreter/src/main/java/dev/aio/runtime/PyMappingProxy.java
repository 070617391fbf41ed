package dev.aio.runtime;

/**
 * {@code types.MappingProxyType}: a read-only view of a mapping, as CPython's mappingproxy; reads
 * go to the mapping (so a proxy of a dict sees later changes to it), writes are refused. A class's
 * {@code __dict__} is one.
 */
public final class PyMappingProxy extends PyObject {
    private final Object mapping;

    public PyMappingProxy(Object mapping) {
        this.mapping = mapping;
    }

    public Object mapping() {
        return mapping;
    }

    @Override
    public PyType getPyType() {
        return BuiltinTypes.MAPPING_PROXY;
    }

    @Override
    public String repr() {
        return "mappingproxy(" + PyOps.repr(mapping) + ")";
    }
}
