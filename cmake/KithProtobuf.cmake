# kith_generate_proto(TARGET <lib> PROTO_ROOT <dir> PROTOS <files...> [GRPC] [PRIVATE])
# Generates C++ for the given .proto files into the build tree and adds the
# sources to <lib>. With GRPC, the service stubs are generated as well; with
# PRIVATE, the generated headers are visible to <lib> only.
function(kith_generate_proto)
  cmake_parse_arguments(ARG "GRPC;PRIVATE" "TARGET;PROTO_ROOT" "PROTOS" ${ARGN})
  set(out_dir "${CMAKE_CURRENT_BINARY_DIR}/gen")
  file(MAKE_DIRECTORY "${out_dir}")
  foreach(proto IN LISTS ARG_PROTOS)
    get_filename_component(abs "${proto}" ABSOLUTE)
    file(RELATIVE_PATH rel "${ARG_PROTO_ROOT}" "${abs}")
    string(REGEX REPLACE "\\.proto$" "" stem "${rel}")
    set(outputs "${out_dir}/${stem}.pb.cc" "${out_dir}/${stem}.pb.h")
    set(grpc_args)
    if(ARG_GRPC)
      list(APPEND outputs "${out_dir}/${stem}.grpc.pb.cc" "${out_dir}/${stem}.grpc.pb.h")
      set(grpc_args "--grpc_out=${out_dir}"
                    "--plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>")
    endif()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND protobuf::protoc
      ARGS "--proto_path=${ARG_PROTO_ROOT}" "--cpp_out=${out_dir}" ${grpc_args} "${abs}"
      DEPENDS "${abs}" protobuf::protoc
      COMMENT "protoc ${rel}"
      VERBATIM)
    target_sources(${ARG_TARGET} PRIVATE ${outputs})
  endforeach()
  if(ARG_PRIVATE)
    target_include_directories(${ARG_TARGET} PRIVATE "${out_dir}")
  else()
    target_include_directories(${ARG_TARGET} PUBLIC "${out_dir}")
  endif()
endfunction()
