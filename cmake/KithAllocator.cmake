# The programs' allocator: tcmalloc_minimal from gperftools (Debian
# libgoogle-perftools-dev). Answers are built from many small strings
# (names, paths, titles), and with glibc's malloc a who-knows for the
# busiest person spent most of its time allocating; tcmalloc's per-thread
# caches made it 4x faster and the memory index build a third faster
# (docs/PERFORMANCE.md). Sanitizer and fuzzer builds keep their own
# allocator, which they need to find memory errors.
option(KITH_TCMALLOC "Link the programs and tests with tcmalloc_minimal" ON)
if(KITH_SANITIZE OR KITH_FUZZ)
  set(KITH_TCMALLOC OFF)
endif()
if(KITH_TCMALLOC)
  find_library(TCMALLOC_MINIMAL_LIBRARY NAMES tcmalloc_minimal REQUIRED)
endif()

# Links `target` (an executable) with the allocator chosen above.
function(kith_use_allocator target)
  if(KITH_TCMALLOC)
    target_link_libraries(${target} PRIVATE "${TCMALLOC_MINIMAL_LIBRARY}")
  endif()
endfunction()
