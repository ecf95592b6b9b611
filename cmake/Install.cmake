# Install.cmake: `cmake --install BUILD --prefix P` puts trustlab-cli (and trustlab, when the GUI
# is built) in P/bin, the app's desktop entry and icons under P/share, the shipped scenarios in
# P/share/trustlab/scenarios and the documentation in P/share/doc/trustlab. The binaries need no
# data files (scenarios and font are embedded); the installed scenarios are for users to open,
# copy and edit.
include(GNUInstallDirs)

install(TARGETS trustlab-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/trustlab/scenarios
        FILES_MATCHING PATTERN "*.json")
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})

if(TRUSTLAB_BUILD_GUI)
  install(TARGETS trustlab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES ${CMAKE_SOURCE_DIR}/assets/trustlab.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${CMAKE_SOURCE_DIR}/assets/icon/trustlab.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  foreach(px 48 128 256)
    install(FILES ${CMAKE_SOURCE_DIR}/assets/icon/trustlab-${px}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${px}x${px}/apps
            RENAME trustlab.png)
  endforeach()
endif()
